using SharpAmt.Eoi.Wire;

namespace SharpAmt.Eoi.Messages;

/// <summary>
/// The RemoteControl calls and replies, typed, for the client and the device alike. Names are confirmed by the
/// Intel SDK sample, amtc and amttool (note <c>OEMparameters</c>); the order of the optional RemoteControl
/// fields follows the SDK's structure, of which amttool sends a subset in the same order.
/// </summary>
public static class RemoteControlMessages
{
    public const string SystemPowerState = "SystemPowerState";
    public const string IanaOemNumber = "IanaOemNumber";
    public const string OemDefinedCapabilities = "OemDefinedCapabilities";
    public const string SpecialCommandsSupported = "SpecialCommandsSupported";
    public const string SystemCapabilitiesSupported = "SystemCapabilitiesSupported";
    public const string SystemFirmwareCapabilities = "SystemFirmwareCapabilities";
    public const string Command = "Command";
    public const string SpecialCommand = "SpecialCommand";
    public const string SpecialCommandParameter = "SpecialCommandParameter";
    public const string BootOptions = "BootOptions";
    public const string OemParameters = "OEMparameters";

    public static EoiRequest GetSystemPowerState() => new(EoiOperations.GetSystemPowerState);

    public static EoiResponse SystemPowerStateReply(uint state) => new(EoiOperations.GetSystemPowerState, EoiValues.Leaf(SystemPowerState, state));

    public static uint ReadSystemPowerState(EoiResponse response) =>
        EoiValues.UInt32(EoiValues.Required(response.OutParameters, SystemPowerState, response.Operation.ResponseName));

    public static EoiRequest GetRemoteControlCapabilities() => new(EoiOperations.GetRemoteControlCapabilities);

    public static EoiResponse CapabilitiesReply(EoiRemoteControlCapabilities capabilities) =>
        new(EoiOperations.GetRemoteControlCapabilities,
            EoiValues.Leaf(IanaOemNumber, capabilities.IanaOemNumber),
            EoiValues.Leaf(OemDefinedCapabilities, capabilities.OemDefinedCapabilities),
            EoiValues.Leaf(SpecialCommandsSupported, capabilities.SpecialCommandsSupported),
            EoiValues.Leaf(SystemCapabilitiesSupported, capabilities.SystemCapabilitiesSupported),
            EoiValues.Leaf(SystemFirmwareCapabilities, capabilities.SystemFirmwareCapabilities));

    public static EoiRemoteControlCapabilities ReadCapabilities(EoiResponse response)
    {
        uint Value(string name) => EoiValues.UInt32(EoiValues.Required(response.OutParameters, name, response.Operation.ResponseName));
        return new EoiRemoteControlCapabilities(
            Value(IanaOemNumber),
            Value(OemDefinedCapabilities),
            Value(SpecialCommandsSupported),
            Value(SystemCapabilitiesSupported),
            Value(SystemFirmwareCapabilities));
    }

    public static EoiRequest RemoteControl(EoiRemoteControlRequest request)
    {
        var arguments = new List<EoiElement>
        {
            EoiValues.Leaf(Command, (uint)request.Command),
            EoiValues.Leaf(IanaOemNumber, request.IanaOemNumber),
        };
        if (request.Special is { } special)
        {
            arguments.Add(EoiValues.Leaf(SpecialCommand, (uint)special));
        }

        if (request.SpecialCommandParameter is { } parameter)
        {
            arguments.Add(EoiValues.Leaf(SpecialCommandParameter, parameter));
        }

        if (request.BootOptions is { } options)
        {
            arguments.Add(EoiValues.Leaf(BootOptions, options));
        }

        if (request.OemParameters is { } oem)
        {
            arguments.Add(EoiValues.Leaf(OemParameters, oem));
        }

        return new EoiRequest(EoiOperations.RemoteControl, arguments);
    }

    /// <summary>
    /// The call as sent. Numbers outside a field's wire type are a protocol error; numbers the device does not know
    /// (a command of 20, a special command of 6) come through for the device to refuse with a PT_STATUS.
    /// </summary>
    public static EoiRemoteControlRequest ReadRemoteControl(EoiRequest request)
    {
        var arguments = request.Arguments;
        var context = request.Operation.Name;
        return new EoiRemoteControlRequest(
            (EoiRemoteControlCommand)EoiValues.Byte(EoiValues.Required(arguments, Command, context)),
            EoiValues.Find(arguments, SpecialCommand) is { IsNil: false } special ? (EoiSpecialCommand)EoiValues.Byte(special) : null,
            EoiValues.Find(arguments, OemParameters) is { IsNil: false } oem ? EoiValues.UInt32(oem) : null,
            EoiValues.UInt32(EoiValues.Required(arguments, IanaOemNumber, context)),
            EoiValues.Find(arguments, SpecialCommandParameter) is { IsNil: false } parameter ? EoiValues.UInt16(parameter) : null,
            EoiValues.Find(arguments, BootOptions) is { IsNil: false } options ? EoiValues.UInt16(options) : null);
    }
}
