using System.Net;
using FsCheck;
using FsCheck.Fluent;
using SharpAmt.Network;
using Xunit;

namespace SharpAmt.Tests;

/// <summary>
/// The checks every network change passes before anything is sent: values that cannot be right are refused
/// always; changes that cut the path to the device are refused unless forced; everything else goes through.
/// </summary>
public sealed class NetworkChangeRulesTests
{
    private static readonly IPAddress Here = IPAddress.Parse("10.0.0.5");
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(500);

    private sealed record RuleCase(NetworkSettings Current, NetworkChange Change, string Expected = "", IPAddress? ConnectedTo = null, bool HostIsOn = true);

    /// <summary>Values no device can use: refused with the reason, with --force as without.</summary>
    private static readonly Dictionary<string, RuleCase> Invalid = new(StringComparer.Ordinal)
    {
        ["mask 255.0.255.0 is not contiguous"] = new(Static(), Change(mask: "255.0.255.0"), "subnet mask 255.0.255.0 is not a contiguous mask of /1 to /30"),
        ["mask 0.255.255.255 is not contiguous"] = new(Static(), Change(mask: "0.255.255.255"), "subnet mask 0.255.255.255 is not a contiguous mask"),
        ["mask 255.255.255.253 is not contiguous"] = new(Static(), Change(mask: "255.255.255.253"), "subnet mask 255.255.255.253 is not a contiguous mask"),
        ["mask /0"] = new(Static(), Change(mask: "0.0.0.0"), "subnet mask 0.0.0.0 is not a contiguous mask of /1 to /30"),
        ["mask /31"] = new(Static(), Change(mask: "255.255.255.254"), "subnet mask 255.255.255.254 is not a contiguous mask of /1 to /30"),
        ["mask /32"] = new(Static(), Change(mask: "255.255.255.255"), "subnet mask 255.255.255.255 is not a contiguous mask of /1 to /30"),
        ["network address of a /24"] = new(Static(), Change("10.0.0.0"), "10.0.0.0 is the network address of 10.0.0.0/24"),
        ["broadcast address of a /24"] = new(Static(), Change("10.0.0.255"), "10.0.0.255 is the broadcast address of 10.0.0.0/24"),
        ["network address of a /30"] = new(Static(), Change("10.0.0.4", "255.255.255.252", "0.0.0.0"), "10.0.0.4 is the network address of 10.0.0.4/30"),
        ["broadcast address of a /30"] = new(Static(), Change("10.0.0.7", "255.255.255.252", "0.0.0.0"), "10.0.0.7 is the broadcast address of 10.0.0.4/30"),
        ["broadcast address of a /8"] = new(Static(), Change("10.255.255.255", "255.0.0.0"), "10.255.255.255 is the broadcast address of 10.0.0.0/8"),
        ["a new mask makes the address the broadcast"] = new(Static("10.0.0.127"), Change(mask: "255.255.255.128", gateway: "0.0.0.0"), "10.0.0.127 is the broadcast address of 10.0.0.0/25"),
        ["multicast 224.0.0.1"] = new(Static(), Change("224.0.0.1"), "224.0.0.1 is not a unicast address a device can use"),
        ["multicast 239.255.255.250"] = new(Static(), Change("239.255.255.250"), "239.255.255.250 is not a unicast address"),
        ["0.0.0.0"] = new(Static(), Change("0.0.0.0"), "0.0.0.0 is not a unicast address"),
        ["this-network 0.1.2.3"] = new(Static(), Change("0.1.2.3", "255.0.0.0", "0.0.0.0"), "0.1.2.3 is not a unicast address"),
        ["class E 240.0.0.1"] = new(Static(), Change("240.0.0.1"), "240.0.0.1 is not a unicast address"),
        ["limited broadcast 255.255.255.255"] = new(Static(), Change("255.255.255.255", "255.255.255.0", "0.0.0.0"), "255.255.255.255 is not a unicast address"),
        ["gateway outside the subnet"] = new(Static(), Change(gateway: "10.0.1.1"), "gateway 10.0.1.1 is outside the subnet 10.0.0.0/24"),
        ["gateway outside a narrower mask"] = new(Static(), Change(mask: "255.255.255.252"), "gateway 10.0.0.1 is outside the subnet 10.0.0.4/30; it is the current gateway"),
        ["gateway is the device's own address"] = new(Static(), Change(gateway: "10.0.0.5"), "gateway 10.0.0.5 is the device's own address"),
        ["a new address on the current gateway"] = new(Static(), Change("10.0.0.1"), "gateway 10.0.0.1 is the device's own address; it is the current gateway"),
        ["gateway on the network address"] = new(Static(), Change(gateway: "10.0.0.0"), "gateway 10.0.0.0 is the network address of 10.0.0.0/24"),
        ["gateway on the broadcast address"] = new(Static(), Change(gateway: "10.0.0.255"), "gateway 10.0.0.255 is the broadcast address of 10.0.0.0/24"),
        ["current gateway left outside by a new address"] = new(Static(), Change("10.0.1.5"), "gateway 10.0.0.1 is outside the subnet 10.0.1.0/24; it is the current gateway, kept unless another is given (0.0.0.0 for none)"),
        ["DHCP's gateway kept outside the new static subnet"] = new(Dhcp(), Change("192.168.1.5", "255.255.255.0"), "gateway 10.0.0.1 is outside the subnet 192.168.1.0/24; it is the current gateway"),
        ["DHCP on with an address"] = new(Static(), new NetworkChange { Dhcp = true, Address = Ip("10.0.0.6") }, "a static address, mask or gateway cannot be combined with DHCP on"),
        ["DHCP on with a mask"] = new(Static(), new NetworkChange { Dhcp = true, SubnetMask = Ip("255.255.0.0") }, "cannot be combined with DHCP on"),
        ["DHCP on with a gateway"] = new(Dhcp(), new NetworkChange { Dhcp = true, Gateway = Ip("10.0.0.1") }, "cannot be combined with DHCP on"),
        ["DHCP off without an address or mask"] = new(Dhcp(), new NetworkChange { Dhcp = false }, "turning DHCP off needs a static address and a mask"),
        ["static address without a mask"] = new(Dhcp(), Change("10.0.0.5"), "turning DHCP off needs a static address and a mask"),
        ["static mask without an address"] = new(Dhcp(), Change(mask: "255.255.255.0"), "turning DHCP off needs a static address and a mask"),
        ["a gateway alone turns DHCP off without an address"] = new(Dhcp(), Change(gateway: "10.0.0.1"), "turning DHCP off needs a static address"),
        ["empty host name"] = new(Static(), new NetworkChange { HostName = "" }, "host name '' must be 1–63 letters, digits or hyphens"),
        ["host name of 64 characters"] = new(Static(), new NetworkChange { HostName = new string('a', 64) }, "must be 1–63 letters"),
        ["host name starting with a hyphen"] = new(Static(), new NetworkChange { HostName = "-amt" }, "host name '-amt' must be 1–63 letters, digits or hyphens, not starting or ending with a hyphen"),
        ["host name ending with a hyphen"] = new(Static(), new NetworkChange { HostName = "amt-" }, "host name 'amt-'"),
        ["host name with an underscore"] = new(Static(), new NetworkChange { HostName = "amt_1" }, "host name 'amt_1'"),
        ["host name with a dot"] = new(Static(), new NetworkChange { HostName = "amt.lan" }, "host name 'amt.lan'"),
        ["host name with a space"] = new(Static(), new NetworkChange { HostName = "amt 1" }, "host name 'amt 1'"),
        ["host name with a non-ASCII letter"] = new(Static(), new NetworkChange { HostName = "ämt" }, "host name 'ämt'"),
        ["domain with an empty label"] = new(Static(), new NetworkChange { DomainName = "corp..lan" }, "domain name 'corp..lan' must be dot-separated labels of letters, digits and hyphens, at most 253 characters"),
        ["domain starting with a dot"] = new(Static(), new NetworkChange { DomainName = ".lan" }, "domain name '.lan'"),
        ["domain of a dot alone"] = new(Static(), new NetworkChange { DomainName = "." }, "domain name '.'"),
        ["domain label starting with a hyphen"] = new(Static(), new NetworkChange { DomainName = "-corp.lan" }, "domain name '-corp.lan'"),
        ["domain label ending with a hyphen"] = new(Static(), new NetworkChange { DomainName = "corp-.lan" }, "domain name 'corp-.lan'"),
        ["domain with an underscore"] = new(Static(), new NetworkChange { DomainName = "my_corp.lan" }, "domain name 'my_corp.lan'"),
        ["domain label of 64 characters"] = new(Static(), new NetworkChange { DomainName = new string('d', 64) + ".lan" }, "must be dot-separated labels"),
        ["domain of 254 characters"] = new(Static(), new NetworkChange { DomainName = Domain(254) }, "at most 253 characters"),
        ["VLAN -1"] = new(Static(), new NetworkChange { VlanTag = -1 }, "VLAN tag -1 is outside 1–4094 (0 turns tagging off)"),
        ["VLAN 4095"] = new(Static(), new NetworkChange { VlanTag = 4095 }, "VLAN tag 4095 is outside 1–4094"),
        ["DNS 1 multicast"] = new(Static(), new NetworkChange { PrimaryDns = Ip("224.0.0.251") }, "DNS 1 224.0.0.251 is not a unicast address"),
        ["DNS 2 limited broadcast"] = new(Static(), new NetworkChange { SecondaryDns = Ip("255.255.255.255") }, "DNS 2 255.255.255.255 is not a unicast address"),
        ["DNS 1 class E on a DHCP device"] = new(Dhcp(), new NetworkChange { PrimaryDns = Ip("240.1.1.1") }, "DNS 1 240.1.1.1 is not a unicast address"),
    };

    /// <summary>Changes that would cut the path to the device: refused without --force, applied with it.</summary>
    private static readonly Dictionary<string, RuleCase> PathCutting = new(StringComparer.Ordinal)
    {
        ["link policy none while on"] = new(Static(), new NetworkChange { LinkPolicy = LinkPolicy.None }, "link policy none leaves the ME without a network link in every power state; add --force if that is intended"),
        ["link policy none while off"] = new(Static(), new NetworkChange { LinkPolicy = LinkPolicy.None }, "link policy none leaves the ME without a network link", HostIsOn: false),
        ["sx-ac only while on"] = new(Static(), new NetworkChange { LinkPolicy = LinkPolicy.SxAc }, "link policy sx-ac drops the link while the host is on (S0, AC), cutting this connection; add --force if that is intended"),
        ["battery groups only while on"] = new(Static(), new NetworkChange { LinkPolicy = LinkPolicy.S0Dc | LinkPolicy.SxDc }, "link policy s0-dc,sx-dc drops the link while the host is on (S0, AC)"),
        ["s0-ac only while off"] = new(Static(), new NetworkChange { LinkPolicy = LinkPolicy.S0Ac }, "link policy s0-ac drops the link while the host is off or asleep (Sx, AC), cutting this connection", HostIsOn: false),
        ["s0-ac and battery groups while off"] = new(Dhcp(), new NetworkChange { LinkPolicy = LinkPolicy.S0Ac | LinkPolicy.S0Dc | LinkPolicy.SxDc }, "drops the link while the host is off or asleep", HostIsOn: false),
        ["moving the static address this connection uses"] = new(Static(), Change("10.0.0.6"), "this moves the ME from 10.0.0.5 to 10.0.0.6 and cuts this connection; add --force, then reach the device at 10.0.0.6", Here),
        ["moving to another subnet with its gateway"] = new(Static(), Change("192.168.7.20", "255.255.255.0", "192.168.7.1"), "this moves the ME from 10.0.0.5 to 192.168.7.20", Here),
        ["a static address other than the DHCP one this connection uses"] = new(Dhcp(), Change("10.0.0.6", "255.255.255.0"), "this moves the ME from 10.0.0.5 to 10.0.0.6 and cuts this connection", Here),
        ["DHCP on while connected to the static address"] = new(Static(), new NetworkChange { Dhcp = true }, "turning DHCP on gives the ME an address nobody knows yet, and this connection to 10.0.0.5 would be lost; add --force if that is intended", Here),
    };

    /// <summary>Changes that are fine as they are.</summary>
    private static readonly Dictionary<string, RuleCase> Acceptable = new(StringComparer.Ordinal)
    {
        ["DNS servers on a static device"] = new(Static(), new NetworkChange { PrimaryDns = Ip("10.0.0.53"), SecondaryDns = Ip("0.0.0.0") }, ConnectedTo: Here),
        ["DNS servers on a DHCP device"] = new(Dhcp(), new NetworkChange { PrimaryDns = Ip("192.0.2.53") }, ConnectedTo: Here),
        ["a new gateway inside the subnet"] = new(Static(), Change(gateway: "10.0.0.254"), ConnectedTo: Here),
        ["gateway 0.0.0.0 means none"] = new(Static(), Change(gateway: "0.0.0.0"), ConnectedTo: Here),
        ["a wider mask keeps the address"] = new(Static(), Change(mask: "255.255.0.0"), ConnectedTo: Here),
        ["DHCP to static at the address this connection uses"] = new(Dhcp(), Change("10.0.0.5", "255.255.255.0"), ConnectedTo: Here),
        ["DHCP to static with a new gateway"] = new(Dhcp(), Change("10.0.0.5", "255.255.255.0", "10.0.0.254"), ConnectedTo: Here),
        ["moving while connected by name"] = new(Static(), Change("10.0.0.6")),
        ["DHCP on while connected by name"] = new(Static(), new NetworkChange { Dhcp = true }),
        ["moving a static device reached through another address"] = new(Static(), Change("10.0.0.6"), ConnectedTo: IPAddress.Parse("192.0.2.10")),
        ["DHCP on a DHCP device"] = new(Dhcp(), new NetworkChange { Dhcp = true }, ConnectedTo: Here),
        ["DHCP off on a static device"] = new(Static(), new NetworkChange { Dhcp = false }, ConnectedTo: Here),
        ["a /30 host"] = new(Static(), Change("10.0.0.5", "255.255.255.252", "10.0.0.6"), ConnectedTo: Here),
        ["a /1 host"] = new(Static("100.0.0.1", "128.0.0.0", null), Change(gateway: "0.0.0.0")),
        ["a loopback address"] = new(Dhcp("127.0.80.1"), Change("127.0.80.1", "255.0.0.0", "127.0.0.1"), ConnectedTo: IPAddress.Parse("127.0.80.1")),
        ["link policy all while on"] = new(Static(), new NetworkChange { LinkPolicy = LinkPolicy.S0Ac | LinkPolicy.SxAc | LinkPolicy.S0Dc | LinkPolicy.SxDc }, ConnectedTo: Here),
        ["link policy s0-ac while on"] = new(Static(), new NetworkChange { LinkPolicy = LinkPolicy.S0Ac }, ConnectedTo: Here),
        ["link policy sx-ac while off"] = new(Static(), new NetworkChange { LinkPolicy = LinkPolicy.SxAc }, ConnectedTo: Here, HostIsOn: false),
        ["VLAN 0 turns tagging off"] = new(Static(), new NetworkChange { VlanTag = 0 }),
        ["VLAN 1"] = new(Static(), new NetworkChange { VlanTag = 1 }),
        ["VLAN 4094"] = new(Static(), new NetworkChange { VlanTag = 4094 }),
        ["one-letter host name"] = new(Static(), new NetworkChange { HostName = "a" }),
        ["host name of 63 characters with hyphens and digits"] = new(Static(), new NetworkChange { HostName = "amt-01-" + new string('x', 56) }),
        ["domain with a trailing dot"] = new(Static(), new NetworkChange { DomainName = "corp.example.com." }),
        ["domain of 253 characters"] = new(Static(), new NetworkChange { DomainName = Domain(253) }),
        ["empty domain clears it"] = new(Static(), new NetworkChange { DomainName = "" }),
        ["names and responses only"] = new(Dhcp(), new NetworkChange { HostName = "lab-42", SharedFqdn = false, DynamicDns = true, PingResponse = false, RmcpPingResponse = false }, ConnectedTo: Here),
    };

    public static TheoryData<string> InvalidCases => [.. Invalid.Keys];

    public static TheoryData<string> PathCuttingCases => [.. PathCutting.Keys];

    public static TheoryData<string> AcceptableCases => [.. Acceptable.Keys];

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void An_invalid_value_is_refused_with_its_reason_even_with_force(string name)
    {
        var rule = Invalid[name];

        var refused = Assert.Throws<InvalidNetworkSettingException>(() => Apply(rule, force: false));
        var forced = Assert.Throws<InvalidNetworkSettingException>(() => Apply(rule, force: true));

        Assert.Contains(rule.Expected, refused.Message, StringComparison.Ordinal);
        Assert.Equal(refused.Message, forced.Message);
        Assert.DoesNotContain("--force", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PathCuttingCases))]
    public void A_change_that_cuts_the_path_needs_force(string name)
    {
        var rule = PathCutting[name];

        var refused = Assert.Throws<InvalidNetworkSettingException>(() => Apply(rule, force: false));

        Assert.Contains(rule.Expected, refused.Message, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Message, StringComparison.Ordinal);
        Apply(rule, force: true);
    }

    [Theory]
    [MemberData(nameof(AcceptableCases))]
    public void An_acceptable_change_passes_without_force(string name)
    {
        Apply(Acceptable[name], force: false);
    }

    [Fact]
    public void Force_lets_exactly_the_path_cutting_refusals_through_and_never_an_invalid_value()
    {
        Check.One(Runs, Prop.ForAll(Cases.ToArbitrary(), rule =>
        {
            var plain = Outcome(rule, force: false);
            var forced = Outcome(rule, force: true);

            if (plain is null || plain.Contains("--force", StringComparison.Ordinal))
            {
                Assert.Null(forced);
            }
            else
            {
                Assert.Equal(plain, forced);
            }
        }));
    }

    [Fact]
    public void Every_usable_host_address_with_a_mask_of_1_to_30_bits_is_accepted()
    {
        var usable =
            from prefix in Gen.Choose(1, 30)
            from value in Gen.Choose(1, 223).SelectMany(first => Gen.Choose(0, 0xFFFFFF).Select(rest => ((uint)first << 24) | (uint)rest))
            let mask = Ipv4.ToUInt32(Ipv4.MaskFromPrefix(prefix))
            where (value & ~mask) != 0 && (value | mask) != uint.MaxValue
            select (Prefix: prefix, Address: value);

        Check.One(Runs, Prop.ForAll(usable.ToArbitrary(), sample =>
        {
            var change = new NetworkChange
            {
                Address = Ipv4.FromUInt32(sample.Address),
                SubnetMask = Ipv4.MaskFromPrefix(sample.Prefix),
                Gateway = IPAddress.Any,
            };

            NetworkChangeRules.Check(Dhcp(), change, connectedTo: null, hostIsOn: true);
        }));
    }

    [Fact]
    public void The_network_and_broadcast_address_of_every_subnet_are_refused_even_with_force()
    {
        var ends =
            from prefix in Gen.Choose(1, 30)
            from first in Gen.Choose(1, 223)
            from rest in Gen.Choose(0, 0xFFFFFF)
            from broadcast in Gen.Elements(true, false)
            let mask = Ipv4.ToUInt32(Ipv4.MaskFromPrefix(prefix))
            let network = (((uint)first << 24) | (uint)rest) & mask
            select (Prefix: prefix, Address: broadcast ? network | ~mask : network, Broadcast: broadcast);

        Check.One(Runs, Prop.ForAll(ends.ToArbitrary(), sample =>
        {
            var change = new NetworkChange { Address = Ipv4.FromUInt32(sample.Address), SubnetMask = Ipv4.MaskFromPrefix(sample.Prefix), Gateway = IPAddress.Any, Force = true };

            var refused = Assert.Throws<InvalidNetworkSettingException>(() => NetworkChangeRules.Check(Dhcp(), change, Here, hostIsOn: true));

            // A first octet of 224 or more for the broadcast of a short prefix is not unicast either; both are refusals of the address.
            Assert.Matches($"^{Ipv4.FromUInt32(sample.Address)} is (the {(sample.Broadcast ? "broadcast" : "network")} address of|not a unicast address)", refused.Message);
        }));
    }

    [Fact]
    public void Every_mask_that_is_not_contiguous_is_refused_even_with_force()
    {
        var holes =
            from high in Gen.Choose(0, 0xFFFF)
            from low in Gen.Choose(0, 0xFFFF)
            let value = ((uint)high << 16) | (uint)low
            where value != 0 && !Ipv4.IsContiguousMask(Ipv4.FromUInt32(value))
            select value;

        Check.One(Runs, Prop.ForAll(holes.ToArbitrary(), mask =>
        {
            var change = new NetworkChange { SubnetMask = Ipv4.FromUInt32(mask), Force = true };

            var refused = Assert.Throws<InvalidNetworkSettingException>(() => NetworkChangeRules.Check(Static(), change, Here, hostIsOn: true));

            Assert.StartsWith($"subnet mask {Ipv4.FromUInt32(mask)} is not a contiguous mask", refused.Message, StringComparison.Ordinal);
        }));
    }

    [Theory]
    [InlineData("s0-ac,sx-ac", LinkPolicy.S0Ac | LinkPolicy.SxAc)]
    [InlineData("all", LinkPolicy.S0Ac | LinkPolicy.SxAc | LinkPolicy.S0Dc | LinkPolicy.SxDc)]
    [InlineData("none", LinkPolicy.None)]
    [InlineData("S0-AC, SX-DC", LinkPolicy.S0Ac | LinkPolicy.SxDc)]
    [InlineData("sx-ac,sx-ac", LinkPolicy.SxAc)]
    public void Link_policy_names_parse(string text, LinkPolicy expected)
    {
        Assert.Equal(expected, LinkPolicyNames.Parse(text));
    }

    [Theory]
    [InlineData("s0")]
    [InlineData("s0-ac,sometimes")]
    [InlineData("1,14")]
    public void Unknown_link_policy_names_are_refused(string text)
    {
        Assert.Null(LinkPolicyNames.Parse(text));
    }

    [Fact]
    public void Every_link_policy_reads_back_from_its_name_and_lists_its_wsman_groups()
    {
        for (var bits = 0; bits < 16; bits++)
        {
            var policy = PolicyOf(bits);

            Assert.Equal(policy, LinkPolicyNames.Parse(LinkPolicyNames.Of(policy)));
            Assert.Equal(policy, LinkPolicyNames.WsManValues(policy).Aggregate(LinkPolicy.None, (all, value) => all | (LinkPolicy)value));
            Assert.Equal(System.Numerics.BitOperations.PopCount((uint)bits), LinkPolicyNames.WsManValues(policy).Count);
        }

        Assert.Equal([1, 14], LinkPolicyNames.WsManValues(LinkPolicy.S0Ac | LinkPolicy.SxAc));
        Assert.Equal("none", LinkPolicyNames.Of(LinkPolicy.None));
    }

    /// <summary>Changes built from a few values, valid and not, against a static or DHCP device, connected by address or name.</summary>
    private static Gen<RuleCase> Cases { get; } =
        from current in Gen.Elements(Static(), Dhcp(), Static("10.0.0.9"))
        from dhcp in Gen.Elements<bool?>(null, null, true, false)
        from address in Maybe("10.0.0.5", "10.0.0.6", "10.0.0.0", "10.0.0.255", "224.0.0.1", "0.0.0.0", "192.168.1.5", "240.0.0.1")
        from mask in Maybe("255.255.255.0", "255.255.0.0", "255.0.255.0", "255.255.255.254", "0.0.0.0", "255.255.255.252")
        from gateway in Maybe("10.0.0.1", "0.0.0.0", "10.0.1.1", "10.0.0.5", "10.0.0.255", "192.168.1.1")
        from dns in Maybe("10.0.0.1", "0.0.0.0", "224.0.0.251")
        from policy in Gen.Choose(-1, 15).Select(bits => bits < 0 ? (LinkPolicy?)null : PolicyOf(bits))
        from host in Gen.Elements<string?>(null, null, "amt", "-bad", "", "ok-1")
        from vlan in Gen.Elements<int?>(null, null, 0, 5, 4095, -1)
        from connectedTo in Gen.Elements<IPAddress?>(null, Here, IPAddress.Parse("10.0.0.9"), IPAddress.Parse("192.0.2.1"))
        from hostIsOn in Gen.Elements(true, false)
        select new RuleCase(current, new NetworkChange
        {
            Dhcp = dhcp,
            Address = address,
            SubnetMask = mask,
            Gateway = gateway,
            PrimaryDns = dns,
            LinkPolicy = policy,
            HostName = host,
            VlanTag = vlan,
        }, ConnectedTo: connectedTo, HostIsOn: hostIsOn);

    /// <summary>The policy with group i (s0-ac, sx-ac, s0-dc, sx-dc) for each bit i of <paramref name="bits"/>.</summary>
    private static LinkPolicy PolicyOf(int bits) =>
        new[] { LinkPolicy.S0Ac, LinkPolicy.SxAc, LinkPolicy.S0Dc, LinkPolicy.SxDc }
            .Where((_, index) => (bits & (1 << index)) != 0)
            .Aggregate(LinkPolicy.None, (all, group) => all | group);

    private static Gen<IPAddress?> Maybe(params string[] addresses) =>
        Gen.Frequency((2, Gen.Constant<IPAddress?>(null)), (3, Gen.Elements(addresses).Select(text => (IPAddress?)IPAddress.Parse(text))));

    private static string? Outcome(RuleCase rule, bool force)
    {
        try
        {
            Apply(rule, force);
            return null;
        }
        catch (InvalidNetworkSettingException refused)
        {
            return refused.Message;
        }
    }

    private static void Apply(RuleCase rule, bool force) =>
        NetworkChangeRules.Check(rule.Current, rule.Change with { Force = force }, rule.ConnectedTo, rule.HostIsOn);

    private static NetworkChange Change(string? address = null, string? mask = null, string? gateway = null) => new()
    {
        Address = address is null ? null : Ip(address),
        SubnetMask = mask is null ? null : Ip(mask),
        Gateway = gateway is null ? null : Ip(gateway),
    };

    private static NetworkSettings Static(string address = "10.0.0.5", string mask = "255.255.255.0", string? gateway = "10.0.0.1") =>
        Settings(dhcp: false, address, mask, gateway);

    private static NetworkSettings Dhcp(string address = "10.0.0.5") => Settings(dhcp: true, address, "255.255.255.0", "10.0.0.1");

    private static NetworkSettings Settings(bool dhcp, string address, string mask, string? gateway) => new()
    {
        Protocol = ManagementProtocol.WsMan,
        HostName = "amt",
        DomainName = "corp.lan",
        MacAddress = "00-1b-21-00-00-01",
        SharedMac = true,
        DhcpEnabled = dhcp,
        Address = Ip(address),
        SubnetMask = Ip(mask),
        Gateway = gateway is null ? null : Ip(gateway),
        PrimaryDns = Ip("10.0.0.1"),
        SecondaryDns = IPAddress.Any,
        LinkPolicy = LinkPolicy.S0Ac | LinkPolicy.SxAc,
    };

    /// <summary>A domain of exactly <paramref name="length"/> characters: labels of up to 63 letters, dot-separated.</summary>
    private static string Domain(int length)
    {
        var domain = new string('d', Math.Min(63, length));
        while (domain.Length < length)
        {
            domain += "." + new string('d', Math.Min(63, length - domain.Length - 1));
        }

        Assert.Equal(length, domain.Length);
        return domain;
    }

    private static IPAddress Ip(string text) => IPAddress.Parse(text);
}
