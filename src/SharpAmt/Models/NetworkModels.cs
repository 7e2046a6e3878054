using System.Net;

namespace SharpAmt;

/// <summary>
/// When the ME keeps its wired link: each flag is one group of host power states on AC or battery power.
/// The values are EOI's LinkPolicy bits; WS-Man lists the groups that are set.
/// </summary>
[Flags]
public enum LinkPolicy
{
    None = 0,
    S0Ac = Eoi.EoiLinkPolicy.S0AcPowered,
    SxAc = Eoi.EoiLinkPolicy.SxAcPowered,
    S0Dc = Eoi.EoiLinkPolicy.S0DcPowered,
    SxDc = Eoi.EoiLinkPolicy.SxDcPowered,
}

/// <summary>AMT's network settings as <c>amt net</c> shows them. A null value is one the device or protocol does not offer.</summary>
public sealed record NetworkSettings
{
    public required ManagementProtocol Protocol { get; init; }

    public required string HostName { get; init; }

    public required string DomainName { get; init; }

    public bool? SharedFqdn { get; init; }

    public bool? DynamicDns { get; init; }

    public bool? PingResponse { get; init; }

    public bool? RmcpPingResponse { get; init; }

    public required string MacAddress { get; init; }

    /// <summary>True when the ME shares the host's MAC address; false when it has its own.</summary>
    public required bool SharedMac { get; init; }

    /// <summary>WS-Man's SharedStaticIp: a static address shared with the host OS.</summary>
    public bool? SharedStaticIp { get; init; }

    public required bool DhcpEnabled { get; init; }

    /// <summary>The ME's address: the static one, or the DHCP lease when the device reports it.</summary>
    public IPAddress? Address { get; init; }

    public IPAddress? SubnetMask { get; init; }

    public IPAddress? Gateway { get; init; }

    public IPAddress? PrimaryDns { get; init; }

    public IPAddress? SecondaryDns { get; init; }

    public required LinkPolicy LinkPolicy { get; init; }

    public bool? LinkUp { get; init; }

    /// <summary>AMT 7+: the ME follows the host OS's static address.</summary>
    public bool? IpSync { get; init; }

    /// <summary>802.1Q tag, 0 for untagged; null where VLAN is not offered.</summary>
    public int? VlanTag { get; init; }

    public bool? Ipv6Enabled { get; init; }

    /// <summary>The manual IPv6 address of the wired interface; "::" for none, null where not offered (before AMT 6, EOI).</summary>
    public IPAddress? Ipv6Address { get; init; }

    public IPAddress? Ipv6Router { get; init; }

    public IPAddress? Ipv6PrimaryDns { get; init; }

    public IPAddress? Ipv6SecondaryDns { get; init; }
}

/// <summary>A change to the network settings; only the values that are set are changed.</summary>
public sealed record NetworkChange
{
    public bool? Dhcp { get; init; }

    public IPAddress? Address { get; init; }

    public IPAddress? SubnetMask { get; init; }

    public IPAddress? Gateway { get; init; }

    public IPAddress? PrimaryDns { get; init; }

    public IPAddress? SecondaryDns { get; init; }

    /// <summary>Share the host's MAC address (true) or use the ME's own (false). EOI only: WS-Man firmware fixes it.</summary>
    public bool? SharedMac { get; init; }

    /// <summary>Share the host's static address (WS-Man's SharedStaticIp).</summary>
    public bool? SharedStaticIp { get; init; }

    public LinkPolicy? LinkPolicy { get; init; }

    public string? HostName { get; init; }

    public string? DomainName { get; init; }

    public bool? SharedFqdn { get; init; }

    public bool? DynamicDns { get; init; }

    public bool? PingResponse { get; init; }

    public bool? RmcpPingResponse { get; init; }

    public bool? IpSync { get; init; }

    public bool? Ipv6Enabled { get; init; }

    /// <summary>A manual IPv6 address for the wired interface (AMT 6+ over WS-Man); "::" removes it.</summary>
    public IPAddress? Ipv6Address { get; init; }

    public IPAddress? Ipv6Router { get; init; }

    public IPAddress? Ipv6PrimaryDns { get; init; }

    public IPAddress? Ipv6SecondaryDns { get; init; }

    /// <summary>802.1Q tag 1–4094, or 0 to turn VLAN tagging off.</summary>
    public int? VlanTag { get; init; }

    /// <summary>Go ahead with a change that would cut the path to the device (its address, DHCP, the link policy).</summary>
    public bool Force { get; init; }

    public bool ChangesInterface =>
        Dhcp is not null || Address is not null || SubnetMask is not null || Gateway is not null || PrimaryDns is not null
        || SecondaryDns is not null || SharedMac is not null || SharedStaticIp is not null || LinkPolicy is not null || IpSync is not null;

    public bool ChangesGeneral =>
        HostName is not null || DomainName is not null || SharedFqdn is not null || DynamicDns is not null || PingResponse is not null || RmcpPingResponse is not null;

    public bool ChangesIpv6Addresses => Ipv6Address is not null || Ipv6Router is not null || Ipv6PrimaryDns is not null || Ipv6SecondaryDns is not null;

    public bool IsEmpty => !ChangesInterface && !ChangesGeneral && Ipv6Enabled is null && !ChangesIpv6Addresses && VlanTag is null;
}

/// <summary>What a network change did, and where the device answers afterwards.</summary>
public sealed record NetworkChangeResult(NetworkSettings Before, NetworkSettings After, bool AfterIsReadBack, string? MovedTo);

public static class LinkPolicyNames
{
    private static readonly (LinkPolicy Flag, string Name)[] Groups =
        [(LinkPolicy.S0Ac, "s0-ac"), (LinkPolicy.SxAc, "sx-ac"), (LinkPolicy.S0Dc, "s0-dc"), (LinkPolicy.SxDc, "sx-dc")];

    public static string Of(LinkPolicy policy) =>
        policy == LinkPolicy.None ? "none" : string.Join(',', Groups.Where(group => policy.HasFlag(group.Flag)).Select(group => group.Name));

    /// <summary>Parses "s0-ac,sx-ac", "all" or "none"; null when a name is unknown.</summary>
    public static LinkPolicy? Parse(string text)
    {
        var policy = LinkPolicy.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var lower = part.ToLowerInvariant();
            if (lower == "none")
            {
                continue;
            }

            if (lower == "all")
            {
                policy |= LinkPolicy.S0Ac | LinkPolicy.SxAc | LinkPolicy.S0Dc | LinkPolicy.SxDc;
                continue;
            }

            var match = Groups.FirstOrDefault(group => group.Name == lower);
            if (match.Name is null)
            {
                return null;
            }

            policy |= match.Flag;
        }

        return policy;
    }

    /// <summary>The groups as WS-Man lists them (1, 14, 16, 224).</summary>
    public static IReadOnlyList<int> WsManValues(LinkPolicy policy) =>
        Groups.Where(group => policy.HasFlag(group.Flag)).Select(group => (int)group.Flag).ToArray();
}
