using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Network;

namespace SharpAmt.Cli.Commands.Net;

/// <summary>
/// <c>amt net HOST set ...</c>: changes only what is given. Values are checked here and in the library before
/// anything is sent; a change that would cut the path to the device needs --force.
/// </summary>
internal sealed class NetSetCommand : DeviceCommand
{
    private static readonly Option<Toggle?> Dhcp = Switch("--dhcp", "DHCP for the ME's IPv4 address");
    private static readonly Option<Ipv4Setting?> Ip = AddressOption("--ip", "Static IPv4 address; A.B.C.D/NN also sets the mask (turns DHCP off)", allowPrefix: true);
    private static readonly Option<Ipv4Setting?> Mask = AddressOption("--mask", "Subnet mask, e.g. 255.255.255.0");
    private static readonly Option<Ipv4Setting?> Gateway = AddressOption("--gateway", "Default gateway (inside the subnet; 0.0.0.0 for none)");
    private static readonly Option<Ipv4Setting?> Dns1 = AddressOption("--dns1", "Primary DNS server");
    private static readonly Option<Ipv4Setting?> Dns2 = AddressOption("--dns2", "Secondary DNS server (0.0.0.0 for none)");

    private static readonly Option<Sharing?> Mac = new("--mac")
    {
        Description = "shared: the ME uses the host's MAC address; dedicated: its own (EOI firmware, AMT 2.5–8)",
        HelpName = "shared|dedicated",
        CustomParser = Choices.Parser<Sharing?>("MAC mode", ("shared", Sharing.Shared), ("dedicated", Sharing.Dedicated)),
    };

    private static readonly Option<Sharing?> AddressMode = new("--address")
    {
        Description = "shared: the ME shares the host OS's static address; dedicated: its own (WS-Man SharedStaticIp)",
        HelpName = "shared|dedicated",
        CustomParser = Choices.Parser<Sharing?>("address mode", ("shared", Sharing.Shared), ("dedicated", Sharing.Dedicated)),
    };

    private static readonly Option<LinkPolicy?> Link = new("--link-policy")
    {
        Description = "Power states that keep the ME's link: comma-separated s0-ac, sx-ac, s0-dc, sx-dc, or all, none",
        HelpName = "LIST",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (LinkPolicyNames.Parse(text) is { } policy)
            {
                return policy;
            }

            result.AddError($"unknown link policy '{text}'; use a comma-separated list of s0-ac, sx-ac, s0-dc, sx-dc, or all, none");
            return null;
        },
    };

    private static readonly Option<string?> HostName = new("--hostname") { Description = "AMT's host name", HelpName = "NAME" };
    private static readonly Option<string?> Domain = new("--domain") { Description = "AMT's domain name", HelpName = "DOMAIN" };
    private static readonly Option<Toggle?> SharedFqdn = Switch("--shared-fqdn", "sharing the host OS's FQDN");
    private static readonly Option<Toggle?> Ddns = Switch("--ddns", "dynamic DNS updates by the ME");
    private static readonly Option<Toggle?> Ping = Switch("--ping", "answering ICMP ping");
    private static readonly Option<Toggle?> RmcpPing = Switch("--rmcp-ping", "answering RMCP (ASF) presence pings");
    private static readonly Option<Toggle?> IpSync = Switch("--ip-sync", "following the host OS's static address (AMT 7+)");
    private static readonly Option<Toggle?> Ipv6 = Switch("--ipv6", "IPv6 on the wired interface (AMT 6+)");
    private static readonly Option<IPAddress?> Ipv6Address = Ipv6AddressOption.Create("--ipv6-address", "Manual IPv6 address of the wired interface (AMT 6+)");
    private static readonly Option<IPAddress?> Ipv6Router = Ipv6AddressOption.Create("--ipv6-router", "IPv6 default router");
    private static readonly Option<IPAddress?> Ipv6Dns1 = Ipv6AddressOption.Create("--ipv6-dns1", "Primary IPv6 DNS server");
    private static readonly Option<IPAddress?> Ipv6Dns2 = Ipv6AddressOption.Create("--ipv6-dns2", "Secondary IPv6 DNS server");

    private static readonly Option<int?> Vlan = new("--vlan")
    {
        Description = "802.1Q VLAN tag 1–4094, or off (EOI firmware)",
        HelpName = "TAG|off",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (text.Equals("off", StringComparison.OrdinalIgnoreCase))
            {
                return 0;
            }

            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var tag) && tag is >= 1 and <= 4094)
            {
                return tag;
            }

            result.AddError($"--vlan must be a tag from 1 to 4094 or off, not '{text}'");
            return null;
        },
    };

    private static readonly Option<bool> Force = new("--force")
    {
        Description = "Apply a change that cuts the path to the device (new address, DHCP on, a link policy without the current power state)",
    };

    /// <summary>The options that change something; --force and the connection and output options do not.</summary>
    private static readonly Option[] Settings = [Dhcp, Ip, Mask, Gateway, Dns1, Dns2, Mac, AddressMode, Link, HostName, Domain, SharedFqdn, Ddns, Ping, RmcpPing, IpSync, Ipv6, Ipv6Address, Ipv6Router, Ipv6Dns1, Ipv6Dns2, Vlan];

    public NetSetCommand()
        : base("set", "Change AMT's network settings; only the options given change", NetCommand.Host)
    {
        foreach (var option in Settings)
        {
            Options.Add(option);
        }

        Options.Add(Force);

        Validators.Add(RequireSomething);
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        var ip = context.Value(Ip);
        var mask = context.Value(Mask);
        if (ip?.PrefixMask is not null && mask is not null)
        {
            throw new UsageException("give the mask either as --ip A.B.C.D/NN or with --mask, not both");
        }

        var change = new NetworkChange
        {
            Dhcp = context.Value(Dhcp).AsBoolean(),
            Address = ip?.Address,
            SubnetMask = ip?.PrefixMask ?? mask?.Address,
            Gateway = context.Value(Gateway)?.Address,
            PrimaryDns = context.Value(Dns1)?.Address,
            SecondaryDns = context.Value(Dns2)?.Address,
            SharedMac = context.Value(Mac).IsShared(),
            SharedStaticIp = context.Value(AddressMode).IsShared(),
            LinkPolicy = context.Value(Link),
            HostName = context.Value(HostName),
            DomainName = context.Value(Domain),
            SharedFqdn = context.Value(SharedFqdn).AsBoolean(),
            DynamicDns = context.Value(Ddns).AsBoolean(),
            PingResponse = context.Value(Ping).AsBoolean(),
            RmcpPingResponse = context.Value(RmcpPing).AsBoolean(),
            IpSync = context.Value(IpSync).AsBoolean(),
            Ipv6Enabled = context.Value(Ipv6).AsBoolean(),
            Ipv6Address = context.Value(Ipv6Address),
            Ipv6Router = context.Value(Ipv6Router),
            Ipv6PrimaryDns = context.Value(Ipv6Dns1),
            Ipv6SecondaryDns = context.Value(Ipv6Dns2),
            VlanTag = context.Value(Vlan),
            Force = context.Value(Force),
        };
        var result = await device.SetNetworkSettingsAsync(change, cancellationToken);
        NetView.Show(context, NetView.From(device.Endpoint, result.After, result.MovedTo));
        if (result.MovedTo is { } movedTo)
        {
            context.Output.Diagnostic($"the ME now answers at {movedTo}; the settings above are the ones sent, not read back");
        }

        return ExitCodes.Success;
    }

    private static void RequireSomething(CommandResult result)
    {
        if (!result.Children.OfType<OptionResult>().Any(option => Settings.Contains(option.Option) && !option.Implicit))
        {
            result.AddError("nothing to change; give at least one setting");
        }
    }

    private static Option<Toggle?> Switch(string name, string what) => new(name)
    {
        Description = $"Turn {what} on or off",
        HelpName = "on|off",
        CustomParser = Choices.OnOff($"{name} value"),
    };

    private static Option<Ipv4Setting?> AddressOption(string name, string description, bool allowPrefix = false) => new(name)
    {
        Description = description,
        HelpName = allowPrefix ? "A.B.C.D[/NN]" : "A.B.C.D",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
            var slash = text.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0 && allowPrefix)
            {
                if (Ipv4.ParseStrict(text[..slash]) is { } withPrefix
                    && int.TryParse(text[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var prefix)
                    && prefix is >= 1 and <= 30)
                {
                    return new Ipv4Setting(withPrefix, Ipv4.MaskFromPrefix(prefix));
                }

                result.AddError($"{name} '{text}' is not an IPv4 address with a prefix length of 1 to 30");
                return null;
            }

            if (Ipv4.ParseStrict(text) is { } address)
            {
                return new Ipv4Setting(address, null);
            }

            result.AddError($"{name} '{text}' is not an IPv4 address (A.B.C.D)");
            return null;
        },
    };
}

/// <summary>An IPv4 option value; <see cref="PrefixMask"/> is set when it was written as A.B.C.D/NN.</summary>
internal sealed record Ipv4Setting(IPAddress Address, IPAddress? PrefixMask);

/// <summary>
/// The value of --mac and --address. Not a bool: System.CommandLine lets a bool option take a following word
/// only when it reads as true or false, so "shared" and "dedicated" were left unmatched.
/// </summary>
internal enum Sharing
{
    Dedicated,
    Shared,
}

internal static class SharingExtensions
{
    public static bool? IsShared(this Sharing? sharing) => sharing is null ? null : sharing == Sharing.Shared;
}
