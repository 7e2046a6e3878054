using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>
/// IPS_SecIOService (reference section 4.4): Get, Enumerate and Pull show <see cref="SimulatedDevice.SecureIo"/>'s
/// DefaultScreen, the display the consent code appears on; a Put changes it. The recorded replies have no
/// NumberOfScreens, so none is added. Language and zoom stay as recorded: a Put carrying them leaves them be.
/// </summary>
internal sealed class SecIoServiceBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.SecIoService;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => Read(device, template)).ToArray();

    /// <summary>
    /// A display beyond the ones this generation offers is refused whole with INVALID_PARAMETER, as the KVM class's
    /// DefaultScreen is here; which fault real firmware gives is unconfirmed (no recording or client shows one).
    /// </summary>
    public override WsManObject Put(SimulatedDevice device, WsManObject current, WsManObject requested)
    {
        var secureIo = device.SecureIo;
        if (BoundedNumber(requested, "DefaultScreen", 0, secureIo.MaxDefaultScreen) is { } screen && screen != secureIo.DefaultScreen)
        {
            secureIo.DefaultScreen = screen;
            device.RaiseSettings($"consent code to appear on display {screen}");
        }

        return Read(device, current);
    }

    private static WsManObject Read(SimulatedDevice device, WsManObject template) =>
        template.With("DefaultScreen", device.SecureIo.DefaultScreen);
}
