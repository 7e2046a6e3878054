using System.Net;
using SharpAmt.Network;
using SharpAmt.Simulator;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Tests;

/// <summary>
/// GetNetworkSettingsAsync and SetNetworkSettingsAsync against simulated AMT 6.2, 8.1, 12 and the TLS-only 16.1,
/// all over WS-Management: what the client reports, what the device holds, and what was (not) sent.
/// </summary>
public sealed class NetworkSettingsTests
{
    private static readonly IPAddress Slash24 = IPAddress.Parse("255.255.255.0");

    private sealed record SettingCase(
        Func<SimulatedDevice, NetworkChange> Change,
        Func<SimulatedDevice, NetworkSettings, NetworkSettings> Expected,
        Action<SimulatedDevice> Holds,
        bool Static = false,
        bool NeedsIpSync = false);

    /// <summary>Every setting WS-Man firmware takes, with what the client should read back and what the device should hold.</summary>
    private static readonly Dictionary<string, SettingCase> Settable = new(StringComparer.Ordinal)
    {
        ["host name"] = new(
            _ => new() { HostName = "lab-42" },
            (_, before) => before with { HostName = "lab-42" },
            device => Assert.Equal("lab-42", device.General.HostName)),
        ["domain name"] = new(
            _ => new() { DomainName = "corp.example.com" },
            (_, before) => before with { DomainName = "corp.example.com" },
            device => Assert.Equal("corp.example.com", device.General.DomainName)),
        ["shared FQDN off"] = new(
            _ => new() { SharedFqdn = false },
            (_, before) => before with { SharedFqdn = false },
            device => Assert.False(device.General.SharedFqdn)),
        ["dynamic DNS on"] = new(
            _ => new() { DynamicDns = true },
            (_, before) => before with { DynamicDns = true },
            device => Assert.True(device.General.DynamicDnsUpdateEnabled)),
        ["ping response off"] = new(
            _ => new() { PingResponse = false },
            (_, before) => before with { PingResponse = false },
            device => Assert.False(device.General.PingResponseEnabled)),
        ["RMCP ping response off"] = new(
            _ => new() { RmcpPingResponse = false },
            (_, before) => before with { RmcpPingResponse = false },
            device => Assert.False(device.General.RmcpPingResponseEnabled)),
        ["DNS servers on DHCP"] = new(
            _ => new() { PrimaryDns = IPAddress.Parse("192.0.2.53"), SecondaryDns = IPAddress.Parse("198.51.100.53") },
            (_, before) => before with { PrimaryDns = IPAddress.Parse("192.0.2.53"), SecondaryDns = IPAddress.Parse("198.51.100.53") },
            device =>
            {
                Assert.Equal(IPAddress.Parse("192.0.2.53"), device.Wired.PrimaryDns);
                Assert.Equal(IPAddress.Parse("198.51.100.53"), device.Wired.SecondaryDns);
                Assert.True(device.Wired.DhcpEnabled);
            }),
        ["secondary DNS cleared on a static device"] = new(
            _ => new() { SecondaryDns = IPAddress.Any },
            (_, before) => before with { SecondaryDns = IPAddress.Any },
            device => Assert.Equal(IPAddress.Any, device.Wired.SecondaryDns),
            Static: true),
        ["address mode shared"] = new(
            _ => new() { SharedStaticIp = true },
            (_, before) => before with { SharedStaticIp = true },
            device => Assert.True(device.Wired.SharedStaticIp)),
        ["MAC sharing kept as it is"] = new(
            _ => new() { SharedMac = true },
            (_, before) => before,
            device => Assert.True(device.Wired.SharedMac)),
        ["link policy all"] = new(
            _ => new() { LinkPolicy = LinkPolicy.S0Ac | LinkPolicy.SxAc | LinkPolicy.S0Dc | LinkPolicy.SxDc },
            (_, before) => before with { LinkPolicy = LinkPolicy.S0Ac | LinkPolicy.SxAc | LinkPolicy.S0Dc | LinkPolicy.SxDc },
            device => Assert.Equal(0xFF, device.Wired.LinkPolicy)),
        ["link policy s0-ac while on"] = new(
            _ => new() { LinkPolicy = LinkPolicy.S0Ac },
            (_, before) => before with { LinkPolicy = LinkPolicy.S0Ac },
            device => Assert.Equal(0x01, device.Wired.LinkPolicy)),
        ["IP sync off"] = new(
            _ => new() { IpSync = false },
            (_, before) => before with { IpSync = false },
            device => Assert.False(device.Wired.IpSyncEnabled),
            NeedsIpSync: true),
        ["static at the address in use"] = new(
            device => new() { Address = device.Address, SubnetMask = Slash24, Gateway = IPAddress.Any },
            (device, before) => before with { DhcpEnabled = false, Address = device.Address, SubnetMask = Slash24, Gateway = IPAddress.Any },
            device =>
            {
                Assert.False(device.Wired.DhcpEnabled);
                Assert.Equal(device.Options.Address, device.Wired.StaticAddress);
                Assert.Equal(Slash24, device.Wired.SubnetMask);
                Assert.Equal(IPAddress.Any, device.Wired.DefaultGateway);
            }),
        ["gateway on a static device"] = new(
            device => new() { Gateway = Gateway(device) },
            (device, before) => before with { Gateway = Gateway(device) },
            device => Assert.Equal(Gateway(device), device.Wired.DefaultGateway),
            Static: true),
        ["wider mask on a static device"] = new(
            _ => new() { SubnetMask = IPAddress.Parse("255.255.0.0") },
            (_, before) => before with { SubnetMask = IPAddress.Parse("255.255.0.0") },
            device =>
            {
                Assert.Equal(IPAddress.Parse("255.255.0.0"), device.Wired.SubnetMask);
                Assert.False(device.Wired.DhcpEnabled);
            },
            Static: true),
        ["names, responses and a static interface at once"] = new(
            device => new()
            {
                HostName = "amt-lab",
                DomainName = "lab.example",
                PingResponse = false,
                Address = device.Address,
                SubnetMask = Slash24,
                Gateway = Gateway(device),
                PrimaryDns = IPAddress.Parse("192.0.2.53"),
                LinkPolicy = LinkPolicy.S0Ac | LinkPolicy.SxAc | LinkPolicy.S0Dc,
            },
            (device, before) => before with
            {
                HostName = "amt-lab",
                DomainName = "lab.example",
                PingResponse = false,
                DhcpEnabled = false,
                Address = device.Address,
                SubnetMask = Slash24,
                Gateway = Gateway(device),
                PrimaryDns = IPAddress.Parse("192.0.2.53"),
                LinkPolicy = LinkPolicy.S0Ac | LinkPolicy.SxAc | LinkPolicy.S0Dc,
            },
            device =>
            {
                Assert.Equal("amt-lab", device.General.HostName);
                Assert.Equal("lab.example", device.General.DomainName);
                Assert.False(device.General.PingResponseEnabled);
                Assert.False(device.Wired.DhcpEnabled);
                Assert.Equal(0x1F, device.Wired.LinkPolicy);
            }),
    };

    public static TheoryData<string, string> SettableCases => Combine(Settable.Keys);

    [Theory]
    [MemberData(nameof(NetworkTestDevices.Firmware), MemberType = typeof(NetworkTestDevices))]
    public async Task A_static_configuration_is_reported_as_the_device_holds_it(string firmware)
    {
        await using var simulated = await NetworkTestDevices.StartStaticAsync(firmware);
        lock (simulated.Sync)
        {
            simulated.General.HostName = "lab-7";
            simulated.General.DomainName = "corp.example";
            simulated.General.SharedFqdn = false;
            simulated.General.DynamicDnsUpdateEnabled = true;
            simulated.General.PingResponseEnabled = false;
            simulated.Wired.DefaultGateway = Gateway(simulated);
            simulated.Wired.PrimaryDns = IPAddress.Parse("192.0.2.53");
            simulated.Wired.SecondaryDns = IPAddress.Parse("198.51.100.53");
            simulated.Wired.SharedStaticIp = true;
            simulated.Wired.LinkPolicy = 0x01 | 0x0E | 0x10;
            simulated.Wired.IpSyncEnabled = false;
            simulated.Wired.LinkIsUp = false;
        }

        await using var device = NetworkTestDevices.Connect(simulated);

        var settings = await device.GetNetworkSettingsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(ManagementProtocol.WsMan, settings.Protocol);
        Assert.Equal("lab-7", settings.HostName);
        Assert.Equal("corp.example", settings.DomainName);
        Assert.False(settings.SharedFqdn);
        Assert.True(settings.DynamicDns);
        Assert.False(settings.PingResponse);
        Assert.True(settings.RmcpPingResponse);
        Assert.Equal(simulated.Identity.MacAddressText, settings.MacAddress);
        Assert.True(settings.SharedMac);
        Assert.True(settings.SharedStaticIp);
        Assert.False(settings.DhcpEnabled);
        Assert.Equal(simulated.Address, settings.Address);
        Assert.Equal(Slash24, settings.SubnetMask);
        Assert.Equal(Gateway(simulated), settings.Gateway);
        Assert.Equal(IPAddress.Parse("192.0.2.53"), settings.PrimaryDns);
        Assert.Equal(IPAddress.Parse("198.51.100.53"), settings.SecondaryDns);
        Assert.Equal(LinkPolicy.S0Ac | LinkPolicy.SxAc | LinkPolicy.S0Dc, settings.LinkPolicy);
        Assert.False(settings.LinkUp);
        Assert.Equal(simulated.Firmware.Has(new(7, 0)) ? false : null, settings.IpSync);
        Assert.Null(settings.VlanTag);
        Assert.False(settings.Ipv6Enabled);
    }

    [Theory]
    [MemberData(nameof(NetworkTestDevices.Firmware), MemberType = typeof(NetworkTestDevices))]
    public async Task A_dhcp_device_is_reported_at_the_address_it_is_reached_at(string firmware)
    {
        await using var simulated = await NetworkTestDevices.StartAsync(firmware);
        lock (simulated.Sync)
        {
            simulated.Wired.VlanTag = 12;
        }

        await using var device = NetworkTestDevices.Connect(simulated);

        var settings = await device.GetNetworkSettingsAsync(TestContext.Current.CancellationToken);

        Assert.True(settings.DhcpEnabled);
        Assert.Equal(simulated.Address, settings.Address);
        Assert.Equal(simulated.Wired.SubnetMask, settings.SubnetMask);
        Assert.Equal(simulated.Wired.DefaultGateway, settings.Gateway);
        Assert.Equal(simulated.General.HostName, settings.HostName);
        Assert.Equal(LinkPolicy.S0Ac | LinkPolicy.SxAc, settings.LinkPolicy);
        Assert.Equal(12, settings.VlanTag);
        Assert.Equal(simulated.Firmware.Has(new(7, 0)) ? true : null, settings.IpSync);
    }

    [Theory]
    [MemberData(nameof(SettableCases))]
    public async Task Every_setting_round_trips_through_the_device(string firmware, string name)
    {
        var setting = Settable[name];
        await using var simulated = setting.Static ? await NetworkTestDevices.StartStaticAsync(firmware) : await NetworkTestDevices.StartAsync(firmware);
        if (setting.NeedsIpSync && !simulated.Firmware.Has(new(7, 0)))
        {
            // Before AMT 7 IP sync is refused; A_setting_the_generation_lacks_is_refused covers it.
            return;
        }

        var observer = new NetworkObserver(simulated);
        await using var device = NetworkTestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        var before = await device.GetNetworkSettingsAsync(cancellation);

        var result = await device.SetNetworkSettingsAsync(setting.Change(simulated), cancellation);

        Assert.True(result.AfterIsReadBack);
        Assert.Null(result.MovedTo);
        Assert.Equal(before, result.Before);
        Assert.Equal(setting.Expected(simulated, before), result.After);
        Assert.Equal(result.After, await device.GetNetworkSettingsAsync(cancellation));
        await using (var fresh = NetworkTestDevices.Connect(simulated))
        {
            Assert.Equal(result.After, await fresh.GetNetworkSettingsAsync(cancellation));
        }

        lock (simulated.Sync)
        {
            setting.Holds(simulated);
        }

        Assert.NotEmpty(observer.SettingsEvents);
        Assert.Equal(simulated.Options.Address, simulated.Address);
    }

    [Theory]
    [InlineData("6.2.61", "IP sync", "IP sync needs AMT 7 or later; nothing was changed")]
    [InlineData("12.0.67", "VLAN", "VLAN tagging is not offered over WS-Management; set it in MEBx; nothing was changed")]
    [InlineData("8.1.71", "VLAN", "VLAN tagging is not offered over WS-Management")]
    [InlineData("6.2.61", "VLAN", "VLAN tagging is not offered over WS-Management")]
    [InlineData("16.1.25", "VLAN", "VLAN tagging is not offered over WS-Management")]
    [InlineData("12.0.67", "VLAN on a tagged device", "VLAN tagging is not offered over WS-Management")]
    [InlineData("6.2.61", "VLAN off on a tagged device", "VLAN tagging is not offered over WS-Management")]
    [InlineData("12.0.67", "dedicated MAC", "MAC sharing is fixed by the platform on WS-Management firmware (use --address shared|dedicated for the address); nothing was changed")]
    [InlineData("8.1.71", "dedicated MAC", "MAC sharing is fixed by the platform")]
    [InlineData("6.2.61", "dedicated MAC", "MAC sharing is fixed by the platform")]
    [InlineData("16.1.25", "dedicated MAC", "MAC sharing is fixed by the platform")]
    [InlineData("12.0.67", "link policy none", "link policy none is not offered over WS-Management; keep at least one group; nothing was changed")]
    [InlineData("16.1.25", "link policy none", "link policy none is not offered over WS-Management")]
    [InlineData("8.1.71", "link policy none without force", "link policy none is not offered over WS-Management")]
    public async Task A_setting_the_generation_lacks_is_refused_and_nothing_is_sent(string firmware, string what, string expected)
    {
        await using var simulated = await NetworkTestDevices.StartAsync(firmware);
        if (what.EndsWith("on a tagged device", StringComparison.Ordinal))
        {
            lock (simulated.Sync)
            {
                simulated.Wired.VlanTag = 7;
            }
        }

        // Each refused setting comes with a valid name change, which must not be applied either.
        var change = new NetworkChange { HostName = "renamed" };
        change = what switch
        {
            "IP sync" => change with { IpSync = false },
            "VLAN" or "VLAN on a tagged device" => change with { VlanTag = 9 },
            "VLAN off on a tagged device" => change with { VlanTag = 0 },
            "dedicated MAC" => change with { SharedMac = false },
            "link policy none" => change with { LinkPolicy = LinkPolicy.None, Force = true },
            "link policy none without force" => change with { LinkPolicy = LinkPolicy.None },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        var refused = await RefusedAsync<AmtFeatureUnavailableException>(simulated, change, readsPower: change.LinkPolicy is not null);

        Assert.StartsWith($"{simulated.Address}:{Port(simulated)}: {expected}", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was changed", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12.0.67", "non-contiguous mask")]
    [InlineData("16.1.25", "non-contiguous mask")]
    [InlineData("12.0.67", "network address")]
    [InlineData("8.1.71", "gateway outside the subnet")]
    [InlineData("6.2.61", "DHCP on with an address")]
    [InlineData("12.0.67", "host name with an underscore")]
    [InlineData("16.1.25", "domain with an empty label")]
    [InlineData("12.0.67", "multicast DNS server")]
    [InlineData("12.0.67", "moving without force")]
    [InlineData("16.1.25", "moving without force")]
    [InlineData("8.1.71", "static to DHCP without force")]
    [InlineData("6.2.61", "sx-ac only while on without force")]
    [InlineData("12.0.67", "gateway from DHCP outside the new subnet")]
    public async Task An_invalid_change_is_refused_before_anything_is_sent(string firmware, string what)
    {
        var needsStatic = what is "static to DHCP without force" or "network address" or "gateway outside the subnet";
        await using var simulated = needsStatic ? await NetworkTestDevices.StartStaticAsync(firmware) : await NetworkTestDevices.StartAsync(firmware);
        var change = what switch
        {
            "non-contiguous mask" => new NetworkChange { Address = simulated.Address, SubnetMask = IPAddress.Parse("255.255.0.255"), Gateway = IPAddress.Any },
            "network address" => new NetworkChange { Address = Neighbour(simulated, 0), Force = true },
            "gateway outside the subnet" => new NetworkChange { Gateway = IPAddress.Parse("192.0.2.1"), HostName = "renamed" },
            "DHCP on with an address" => new NetworkChange { Dhcp = true, Address = simulated.Address },
            "host name with an underscore" => new NetworkChange { HostName = "lab_7" },
            "domain with an empty label" => new NetworkChange { DomainName = "corp..example" },
            "multicast DNS server" => new NetworkChange { PrimaryDns = IPAddress.Parse("224.0.0.251"), HostName = "renamed" },
            "moving without force" => new NetworkChange { Address = NetworkTestDevices.NextAddress(), SubnetMask = Slash24, Gateway = IPAddress.Any },
            "static to DHCP without force" => new NetworkChange { Dhcp = true },
            "sx-ac only while on without force" => new NetworkChange { LinkPolicy = LinkPolicy.SxAc },
            "gateway from DHCP outside the new subnet" => new NetworkChange { Address = simulated.Address, SubnetMask = Slash24 },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        var refused = await RefusedAsync<InvalidNetworkSettingException>(simulated, change, readsPower: change.LinkPolicy is not null);

        Assert.DoesNotContain("\n", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_link_policy_check_follows_the_host_power_state()
    {
        await using var simulated = await NetworkTestDevices.StartAsync(configure: options => options with { InitialPowerState = CimPowerState.Off });
        await using var device = NetworkTestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;

        var refused = await Assert.ThrowsAsync<InvalidNetworkSettingException>(() => device.SetNetworkSettingsAsync(new() { LinkPolicy = LinkPolicy.S0Ac }, cancellation));
        var kept = simulated.Wired.LinkPolicy;
        var result = await device.SetNetworkSettingsAsync(new() { LinkPolicy = LinkPolicy.SxAc }, cancellation);

        Assert.Equal("link policy s0-ac drops the link while the host is off or asleep (Sx, AC), cutting this connection; add --force if that is intended", refused.Message);
        Assert.Equal(0x0F, kept);
        Assert.Equal(LinkPolicy.SxAc, result.After.LinkPolicy);
        Assert.Equal(0x0E, simulated.Wired.LinkPolicy);
    }

    [Theory]
    [MemberData(nameof(NetworkTestDevices.Firmware), MemberType = typeof(NetworkTestDevices))]
    public async Task A_link_policy_without_the_current_power_state_goes_through_with_force(string firmware)
    {
        await using var simulated = await NetworkTestDevices.StartAsync(firmware);
        await using var device = NetworkTestDevices.Connect(simulated);

        var result = await device.SetNetworkSettingsAsync(new() { LinkPolicy = LinkPolicy.SxAc | LinkPolicy.SxDc, Force = true }, TestContext.Current.CancellationToken);

        Assert.Equal(LinkPolicy.SxAc | LinkPolicy.SxDc, result.After.LinkPolicy);
        Assert.True(result.AfterIsReadBack);
        Assert.Equal(0xEE, simulated.Wired.LinkPolicy);
    }

    /// <summary>
    /// Runs a change that must be refused and checks that the device saw only the reads a refused change makes
    /// (the same number of requests as reading the settings, and the power state where the link policy is
    /// checked), that no Put was applied and that its state is as it was.
    /// </summary>
    private static async Task<TException> RefusedAsync<TException>(SimulatedDevice simulated, NetworkChange change, bool readsPower = false)
        where TException : Exception
    {
        var observer = new NetworkObserver(simulated);
        await using var device = NetworkTestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        var before = await device.GetNetworkSettingsAsync(cancellation);
        var state = observer.State;

        var start = observer.Requests;
        await device.GetNetworkSettingsAsync(cancellation);
        if (readsPower)
        {
            await device.GetPowerStatusAsync(cancellation);
        }

        var reads = observer.Requests - start;
        start = observer.Requests;
        var refused = await Assert.ThrowsAsync<TException>(() => device.SetNetworkSettingsAsync(change, cancellation));
        var sent = observer.Requests - start;

        Assert.Equal(reads, sent);
        Assert.Empty(observer.SettingsEvents);
        Assert.Equal(state, observer.State);
        Assert.Equal(before, await device.GetNetworkSettingsAsync(cancellation));
        return refused;
    }

    private static TheoryData<string, string> Combine(IEnumerable<string> names)
    {
        var data = new TheoryData<string, string>();
        foreach (var firmware in NetworkTestDevices.FirmwareVersions)
        {
            foreach (var name in names)
            {
                data.Add(firmware, name);
            }
        }

        return data;
    }

    /// <summary>The address with the device's /24 and last octet <paramref name="last"/>.</summary>
    private static IPAddress Neighbour(SimulatedDevice device, byte last)
    {
        var bytes = device.Options.Address.GetAddressBytes();
        bytes[3] = last;
        return new IPAddress(bytes);
    }

    /// <summary>A gateway in the device's /24 other than its own address.</summary>
    private static IPAddress Gateway(SimulatedDevice device) => Neighbour(device, device.Options.Address.GetAddressBytes()[3] == 254 ? (byte)253 : (byte)254);

    private static int Port(SimulatedDevice device) => device.Firmware.TlsOnly ? device.Options.TlsPort : device.Options.HttpPort;
}
