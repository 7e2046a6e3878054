namespace SharpAmt.Eoi;

/// <summary>RemoteControl <c>Command</c> (Intel SDK RemoteControlTypes.h; reference section 5.5).</summary>
public enum EoiRemoteControlCommand : byte
{
    Reset = 16,
    PowerUp = 17,
    PowerDown = 18,
    PowerCycle = 19,

    /// <summary>Sets boot options for the next boot without a power change (SDK; amttool never sends it).</summary>
    SetBootOptions = 33,
}

/// <summary>RemoteControl <c>SpecialCommand</c>: the ASF boot options, plus Intel's OEM command.</summary>
public enum EoiSpecialCommand : byte
{
    Nop = 0,
    Pxe = 1,
    HardDisk = 2,
    HardDiskSafeMode = 3,
    Diagnostics = 4,
    CdDvd = 5,

    /// <summary>0xC1: details in <c>SpecialCommandParameter</c> and <c>OEMparameters</c>; IANA 343 only.</summary>
    IntelOem = 0xC1,
}

/// <summary>
/// One RemoteControl call. Absent optional fields are not sent. amttool's <c>bios</c> is
/// <c>SpecialCommand = IntelOem</c> with <c>OemParameters = UseSol</c>.
/// </summary>
public sealed record EoiRemoteControlRequest(
    EoiRemoteControlCommand Command,
    EoiSpecialCommand? Special = null,
    uint? OemParameters = null,
    uint IanaOemNumber = EoiIanaNumbers.Intel,
    ushort? SpecialCommandParameter = null,
    ushort? BootOptions = null);

/// <summary>What GetRemoteControlCapabilities reports; the masks are in <see cref="EoiCapabilityMasks"/>.</summary>
public sealed record EoiRemoteControlCapabilities(
    uint IanaOemNumber,
    uint OemDefinedCapabilities,
    uint SpecialCommandsSupported,
    uint SystemCapabilitiesSupported,
    uint SystemFirmwareCapabilities);

public static class EoiIanaNumbers
{
    /// <summary>Intel (0x157): what amttool always sends.</summary>
    public const uint Intel = 343;

    /// <summary>The ASF enterprise number; the SDK allows it, without the Intel OEM command.</summary>
    public const uint Asf = 4542;
}

/// <summary>GetSystemPowerState values; amttool prints the low nibble as an index into this list.</summary>
public static class EoiSystemPowerStates
{
    public const uint S0 = 0;
    public const uint S1 = 1;
    public const uint S2 = 2;
    public const uint S3 = 3;
    public const uint S4 = 4;

    /// <summary>Soft off: the board is off with standby power, which is all the ME needs to answer.</summary>
    public const uint S5 = 5;

    public const uint S4OrS5 = 6;

    /// <summary>Mechanical off.</summary>
    public const uint Off = 7;

    /// <summary>amttool's names, by value.</summary>
    public static IReadOnlyList<string> Names { get; } = ["S0", "S1", "S2", "S3", "S4", "S5 (soft-off)", "S4/S5", "Off"];
}
