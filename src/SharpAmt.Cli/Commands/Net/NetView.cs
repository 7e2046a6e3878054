using SharpAmt.Cli.Infrastructure;
using SharpAmt.Cli.Output;

namespace SharpAmt.Cli.Commands.Net;

/// <summary>Network settings as printed and as JSON; null members are settings the device or protocol does not offer.</summary>
internal sealed record NetView(
    string Endpoint,
    string Protocol,
    string HostName,
    string DomainName,
    bool? SharedFqdn,
    bool? DynamicDns,
    bool? PingResponse,
    bool? RmcpPingResponse,
    string MacAddress,
    string MacMode,
    string? AddressMode,
    bool Dhcp,
    string? Address,
    string? SubnetMask,
    string? Gateway,
    string? PrimaryDns,
    string? SecondaryDns,
    string LinkPolicy,
    bool? LinkUp,
    bool? IpSync,
    int? VlanTag,
    bool? Ipv6,
    string? Ipv6Address,
    string? Ipv6Router,
    string? Ipv6PrimaryDns,
    string? Ipv6SecondaryDns,
    string? MovedTo = null)
{
    public static NetView From(string endpoint, NetworkSettings settings, string? movedTo = null) => new(
        endpoint,
        ProtocolNames.Of(settings.Protocol),
        settings.HostName,
        settings.DomainName,
        settings.SharedFqdn,
        settings.DynamicDns,
        settings.PingResponse,
        settings.RmcpPingResponse,
        settings.MacAddress,
        settings.SharedMac ? "shared" : "dedicated",
        settings.SharedStaticIp is { } shared ? (shared ? "shared" : "dedicated") : null,
        settings.DhcpEnabled,
        settings.Address?.ToString(),
        settings.SubnetMask?.ToString(),
        settings.Gateway?.ToString(),
        settings.PrimaryDns?.ToString(),
        settings.SecondaryDns?.ToString(),
        LinkPolicyNames.Of(settings.LinkPolicy),
        settings.LinkUp,
        settings.IpSync,
        settings.VlanTag,
        settings.Ipv6Enabled,
        settings.Ipv6Address?.ToString(),
        settings.Ipv6Router?.ToString(),
        settings.Ipv6PrimaryDns?.ToString(),
        settings.Ipv6SecondaryDns?.ToString(),
        movedTo);

    public static void Show(CommandContext context, NetView view) =>
        context.Output.Result(view, CliJsonContext.Default.NetView, console => console.Write(Tables.Titled($"Network settings of {view.Endpoint} ({(view.Protocol == "eoi" ? "EOI" : "WS-Management")})", Tables.Properties()
            .Row("Host name", view.HostName)
            .Row("Domain", view.DomainName)
            .Row("Shared FQDN", Offered(view.SharedFqdn))
            .Row("Dynamic DNS", Offered(view.DynamicDns))
            .Row("MAC address", $"{view.MacAddress} ({view.MacMode})")
            .Row("Address mode", view.AddressMode ?? "not offered")
            .Row("DHCP", Names.OnOff(view.Dhcp))
            .Row("IPv4 address", view.Address ?? (view.Dhcp ? "from DHCP" : "none"))
            .Row("Subnet mask", view.SubnetMask ?? "")
            .Row("Gateway", view.Gateway ?? "")
            .Row("DNS 1", view.PrimaryDns ?? "")
            .Row("DNS 2", view.SecondaryDns ?? "")
            .Row("Link policy", view.LinkPolicy)
            .Row("Link", view.LinkUp is { } up ? (up ? "up" : "down") : "not reported")
            .Row("IP sync", Offered(view.IpSync))
            .Row("VLAN", view.VlanTag is { } tag ? (tag == 0 ? "off" : tag.ToString(System.Globalization.CultureInfo.InvariantCulture)) : "not offered")
            .Row("IPv6", Offered(view.Ipv6))
            .Row("IPv6 address", Ipv6AddressOption.Show(view.Ipv6Address))
            .Row("IPv6 router", Ipv6AddressOption.Show(view.Ipv6Router))
            .Row("IPv6 DNS 1", Ipv6AddressOption.Show(view.Ipv6PrimaryDns))
            .Row("IPv6 DNS 2", Ipv6AddressOption.Show(view.Ipv6SecondaryDns))
            .Row("Ping response", Offered(view.PingResponse))
            .Row("RMCP ping response", Offered(view.RmcpPingResponse)))));

    private static string Offered(bool? value) => value is { } on ? Names.OnOff(on) : "not offered";
}
