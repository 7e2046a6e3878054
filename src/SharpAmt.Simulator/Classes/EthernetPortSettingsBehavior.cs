using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SharpAmt.Eoi;
using SharpAmt.Simulator.Host;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>
/// AMT_EthernetPortSettings: the wired instance (InstanceID ending " 0") reflects and changes the device's
/// wired interface state, which EOI's Get/SetInterfaceSettings share. A Put is checked whole before anything
/// changes; a changed address moves the device.
/// </summary>
internal sealed class EthernetPortSettingsBehavior : ClassBehavior
{
    private const int InvalidParameter = 0x24;
    private const int InvalidIpAddress = 0x1B;
    private const int InvalidNetmask = 0x25;

    private static IReadOnlyList<byte> LinkPolicyGroups => EoiLinkPolicy.Groups;

    public override string ClassName => AmtClassNames.EthernetPortSettings;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => IsWired(template) ? Reflect(device, template) : template).ToArray();

    public override WsManObject Put(SimulatedDevice device, WsManObject current, WsManObject requested)
    {
        if (!IsWired(current))
        {
            return current;
        }

        var wired = device.Wired;
        var dhcp = Boolean(requested, "DHCPEnabled") ?? wired.DhcpEnabled;
        var address = Address(requested, "IPAddress", InvalidIpAddress);
        var mask = Address(requested, "SubnetMask", InvalidNetmask);
        var gateway = Address(requested, "DefaultGateway", InvalidIpAddress);
        var primaryDns = Address(requested, "PrimaryDNS", InvalidIpAddress);
        var secondaryDns = Address(requested, "SecondaryDNS", InvalidIpAddress);
        var sharedStaticIp = Boolean(requested, "SharedStaticIp");
        var ipSync = device.Firmware.Has(new(7, 0)) ? Boolean(requested, "IpSyncEnabled") : null;
        var linkPolicy = LinkPolicy(requested);
        if (!dhcp && (address ?? (wired.DhcpEnabled ? null : wired.StaticAddress)) is null)
        {
            // A static configuration without an address: the firmware refuses it rather than losing the link.
            throw Refused(InvalidParameter);
        }

        wired.DhcpEnabled = dhcp;
        if (address is not null)
        {
            wired.StaticAddress = address;
        }

        wired.SubnetMask = mask ?? wired.SubnetMask;
        wired.DefaultGateway = gateway ?? wired.DefaultGateway;
        wired.PrimaryDns = primaryDns ?? wired.PrimaryDns;
        wired.SecondaryDns = secondaryDns ?? wired.SecondaryDns;
        wired.SharedStaticIp = sharedStaticIp ?? wired.SharedStaticIp;
        wired.IpSyncEnabled = ipSync ?? wired.IpSyncEnabled;
        wired.LinkPolicy = linkPolicy ?? wired.LinkPolicy;
        device.RaiseSettings(Describe(wired));
        device.ApplyAddressChange();
        return Reflect(device, current);
    }

    internal static string Describe(WiredInterfaceState wired) =>
        (wired.DhcpEnabled ? "wired interface: DHCP" : $"wired interface: static {wired.StaticAddress} mask {wired.SubnetMask} gateway {wired.DefaultGateway}")
        + $", DNS {wired.PrimaryDns} {wired.SecondaryDns}, {(wired.SharedMac ? "shared" : "dedicated")} MAC, link policy 0x{wired.LinkPolicy:x2}";

    private static bool IsWired(WsManObject instance) =>
        instance.GetString("InstanceID")?.EndsWith(" 0", StringComparison.Ordinal) == true;

    private static WsManObject Reflect(SimulatedDevice device, WsManObject template)
    {
        var wired = device.Wired;
        var instance = template
            .WithInOrder("DHCPEnabled", Text(wired.DhcpEnabled))
            .WithInOrder("DefaultGateway", wired.DefaultGateway.ToString())
            .WithInOrder("LinkIsUp", Text(wired.LinkIsUp))
            .WithInOrder("LinkPolicy", LinkPolicyGroups.Where(group => (wired.LinkPolicy & group) == group).Select(group => group.ToString(CultureInfo.InvariantCulture)).ToArray())
            .WithInOrder("MACAddress", device.Identity.MacAddressText)
            .WithInOrder("PrimaryDNS", wired.PrimaryDns.ToString())
            .WithInOrder("SecondaryDNS", wired.SecondaryDns.ToString())
            .WithInOrder("SharedDynamicIP", Text(wired.SharedMac && wired.DhcpEnabled))
            .WithInOrder("SharedMAC", Text(wired.SharedMac))
            .WithInOrder("SharedStaticIp", Text(wired.SharedStaticIp))
            .WithInOrder("SubnetMask", wired.SubnetMask.ToString());

        // As recorded from firmware: the address is listed only when it is a static one.
        instance = wired.DhcpEnabled ? instance.Without("IPAddress") : instance.WithInOrder("IPAddress", wired.StaticAddress.ToString());
        if (device.Firmware.Has(new(7, 0)))
        {
            instance = instance.WithInOrder("IpSyncEnabled", Text(wired.IpSyncEnabled));
        }

        if (wired.VlanTag != 0)
        {
            instance = instance.WithInOrder("VLANTag", wired.VlanTag.ToString(CultureInfo.InvariantCulture));
        }

        return instance;
    }

    private static string Text(bool value) => value ? "true" : "false";

    private static bool? Boolean(WsManObject requested, string name) => requested.GetString(name)?.Trim() switch
    {
        null => null,
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw Refused(InvalidParameter),
    };

    private static IPAddress? Address(WsManObject requested, string name, int refusal) =>
        requested.GetString(name)?.Trim() is not { } text
            ? null
            : IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetwork && text.Count(c => c == '.') == 3
                ? address
                : throw Refused(refusal);

    private static byte? LinkPolicy(WsManObject requested)
    {
        var values = requested.GetStrings("LinkPolicy");
        if (values.Count == 0)
        {
            return null;
        }

        byte policy = 0;
        foreach (var value in values)
        {
            if (!byte.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var group) || !LinkPolicyGroups.Contains(group))
            {
                throw Refused(InvalidParameter);
            }

            policy |= group;
        }

        return policy;
    }
}
