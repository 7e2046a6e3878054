using System.Net;
using System.Net.Sockets;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>
/// IPS_IPv6PortSettings: the wired instance carries the device's manual IPv6 address, router and DNS servers
/// ("::" for none), which a Put changes; a value that is not an IPv6 address is refused and nothing changes.
/// Whether IPv6 is on lives in CIM_ElementSettingData, not here.
/// </summary>
internal sealed class Ipv6PortSettingsBehavior : ClassBehavior
{
    private const int InvalidIpAddress = 0x1B;
    private const string None = "::";

    public override string ClassName => AmtClassNames.Ipv6PortSettings;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => IsWired(template) ? Reflect(device, template) : template).ToArray();

    public override WsManObject Put(SimulatedDevice device, WsManObject current, WsManObject requested)
    {
        if (!IsWired(current))
        {
            return current;
        }

        // Every value is checked before any is stored.
        var address = Address(requested, "IPv6Address");
        var router = Address(requested, "DefaultRouter");
        var primary = Address(requested, "PrimaryDNS");
        var secondary = Address(requested, "SecondaryDNS");
        var ipv6 = device.Ipv6;
        ipv6.ManualAddress = address ?? ipv6.ManualAddress;
        ipv6.DefaultRouter = router ?? ipv6.DefaultRouter;
        ipv6.PrimaryDns = primary ?? ipv6.PrimaryDns;
        ipv6.SecondaryDns = secondary ?? ipv6.SecondaryDns;
        device.RaiseSettings($"wired interface: IPv6 address {Text(ipv6.ManualAddress)} router {Text(ipv6.DefaultRouter)} DNS {Text(ipv6.PrimaryDns)} {Text(ipv6.SecondaryDns)}");
        return Reflect(device, current);
    }

    private static bool IsWired(WsManObject instance) =>
        instance.GetString("InstanceID")?.EndsWith(" 0", StringComparison.Ordinal) == true;

    private static WsManObject Reflect(SimulatedDevice device, WsManObject template)
    {
        var ipv6 = device.Ipv6;
        return template
            .WithInOrder("DefaultRouter", Text(ipv6.DefaultRouter))
            .WithInOrder("IPv6Address", Text(ipv6.ManualAddress))
            .WithInOrder("PrimaryDNS", Text(ipv6.PrimaryDns))
            .WithInOrder("SecondaryDNS", Text(ipv6.SecondaryDns));
    }

    private static string Text(string stored) => stored.Length == 0 ? None : stored;

    /// <summary>The value to store ("" for none), null when the Put leaves it out; anything but an IPv6 address is refused.</summary>
    private static string? Address(WsManObject requested, string name)
    {
        if (requested.GetString(name)?.Trim() is not { } text)
        {
            return null;
        }

        if (!text.Contains(':', StringComparison.Ordinal) || text.Contains('%', StringComparison.Ordinal) || !IPAddress.TryParse(text, out var address)
            || address.AddressFamily != AddressFamily.InterNetworkV6 || address.ScopeId != 0)
        {
            throw Refused(InvalidIpAddress);
        }

        return address.Equals(IPAddress.IPv6None) ? "" : address.ToString();
    }
}
