using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>
/// CIM_ElementSettingData: which setting data is current for the wired port. The association to
/// IPS_IPv6PortSettings 0 is how firmware turns IPv6 on and off (IsCurrent 1 on, 2 off), so its IsCurrent
/// follows the device's IPv6 state and a Put of it changes that state. The association to
/// AMT_EthernetPortSettings 0 is always current; the simulator has no other settings to make current instead.
/// </summary>
internal sealed class ElementSettingDataBehavior : ClassBehavior
{
    private const int InvalidParameter = 0x24;
    private const string Current = "1";
    private const string NotCurrent = "2";
    private const string WiredIpv6Settings = "Intel(r) IPS IPv6 Settings 0";

    public override string ClassName => AmtClassNames.ElementSettingData;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => IsWiredIpv6(template) ? template.WithInOrder("IsCurrent", device.Ipv6.Enabled ? Current : NotCurrent) : template).ToArray();

    public override WsManObject Put(SimulatedDevice device, WsManObject current, WsManObject requested)
    {
        // Checked before anything changes: a value other than current or not current is refused whole.
        var isCurrent = requested.GetString("IsCurrent")?.Trim() switch
        {
            Current => true,
            NotCurrent => false,
            _ => throw Refused(InvalidParameter),
        };

        if (!IsWiredIpv6(current))
        {
            // The port's own settings cannot stop being current: there is nothing to replace them.
            return isCurrent ? current : throw Refused(InvalidParameter);
        }

        device.Ipv6.Enabled = isCurrent;
        device.RaiseSettings($"wired interface: IPv6 {(isCurrent ? "on" : "off")}");
        return Instances(device, [current])[0];
    }

    private static bool IsWiredIpv6(WsManObject instance) =>
        instance.GetReference("SettingData") is { } settings
        && ResourceUris.ClassName(settings.ResourceUri) == AmtClassNames.Ipv6PortSettings
        && settings.Selectors.Value("InstanceID") == WiredIpv6Settings;
}
