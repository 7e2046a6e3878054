using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Network;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport;
using SharpAmt.Transport.Net;
using SharpAmt.WsMan;
using Xunit;

namespace SharpAmt.Tests;

/// <summary>
/// IPv6 of the wired interface over WS-Management: read from and set through the port's CIM_ElementSettingData
/// association on AMT 6.2, 8.1, 12 and 16.1 (TLS), refused where the class is missing, and put back when a later
/// interface change is refused. Devices live on 127.0.85.1–99 only.
/// </summary>
public sealed class Ipv6SettingsTests
{
    private static int _next;

    [Theory]
    [MemberData(nameof(NetworkTestDevices.Firmware), MemberType = typeof(NetworkTestDevices))]
    public async Task Ipv6_round_trips_on_and_off(string firmware)
    {
        await using var simulated = await StartAsync(firmware);
        var observer = new NetworkObserver(simulated);
        await using var device = Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        var before = await device.GetNetworkSettingsAsync(cancellation);

        var on = await device.SetNetworkSettingsAsync(new() { Ipv6Enabled = true }, cancellation);
        bool heldOn;
        lock (simulated.Sync)
        {
            heldOn = simulated.Ipv6.Enabled;
        }

        var off = await device.SetNetworkSettingsAsync(new() { Ipv6Enabled = false }, cancellation);

        Assert.False(before.Ipv6Enabled);
        Assert.True(heldOn);
        Assert.False(simulated.Ipv6.Enabled);
        Assert.True(on.AfterIsReadBack);
        Assert.Equal(before with { Ipv6Enabled = true }, on.After);
        Assert.Equal(before, off.After);
        Assert.Equal(["wired interface: IPv6 on", "wired interface: IPv6 off"], observer.SettingsEvents);
        await using var fresh = Connect(simulated);
        Assert.False((await fresh.GetNetworkSettingsAsync(cancellation)).Ipv6Enabled);
    }

    [Theory]
    [InlineData("8.1.71")]
    [InlineData("16.1.25")]
    public async Task The_device_state_is_reported(string firmware)
    {
        await using var simulated = await StartAsync(firmware);
        lock (simulated.Sync)
        {
            simulated.Ipv6.Enabled = true;
        }

        await using var device = Connect(simulated);

        var settings = await device.GetNetworkSettingsAsync(TestContext.Current.CancellationToken);

        Assert.True(settings.Ipv6Enabled);
        Assert.Equal(ManagementProtocol.WsMan, settings.Protocol);
    }

    [Fact]
    public async Task Ipv6_goes_with_names_and_the_interface_in_one_change()
    {
        await using var simulated = await StartAsync("12.0.67");
        var observer = new NetworkObserver(simulated);
        await using var device = Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;

        var result = await device.SetNetworkSettingsAsync(new() { HostName = "v6-lab", Ipv6Enabled = true, PrimaryDns = IPAddress.Parse("192.0.2.53") }, cancellation);

        Assert.True(result.After.Ipv6Enabled);
        Assert.Equal("v6-lab", result.After.HostName);
        Assert.Equal(IPAddress.Parse("192.0.2.53"), result.After.PrimaryDns);
        Assert.True(simulated.Ipv6.Enabled);
        Assert.Collection(
            observer.SettingsEvents,
            general => Assert.StartsWith("general settings: host v6-lab", general, StringComparison.Ordinal),
            ipv6 => Assert.Equal("wired interface: IPv6 on", ipv6),
            wired => Assert.StartsWith("wired interface: DHCP", wired, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Before_amt_6_ipv6_is_not_offered_and_a_change_sends_nothing()
    {
        await using var simulated = await StartAsync("5.2.70");
        var observer = new NetworkObserver(simulated);
        await using var device = Connect(simulated, ManagementProtocol.WsMan);
        var cancellation = TestContext.Current.CancellationToken;

        var settings = await device.GetNetworkSettingsAsync(cancellation);
        var start = simulated.RequestCount;
        await device.GetNetworkSettingsAsync(cancellation);
        var reads = simulated.RequestCount - start;
        start = simulated.RequestCount;
        var refused = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() =>
            device.SetNetworkSettingsAsync(new() { HostName = "renamed", Ipv6Enabled = true }, cancellation));

        Assert.Equal(ManagementProtocol.WsMan, settings.Protocol);
        Assert.Null(settings.Ipv6Enabled);
        Assert.Equal($"{simulated.Address}:{simulated.Options.HttpPort}: IPv6 is not offered by this device (it needs AMT 6 or later); nothing was changed", refused.Message);
        Assert.Equal(reads, simulated.RequestCount - start);
        Assert.Empty(observer.SettingsEvents);
        Assert.NotEqual("renamed", simulated.General.HostName);
    }

    [Fact]
    public async Task A_refused_interface_change_puts_ipv6_its_address_and_the_names_back()
    {
        await using var simulated = await StartAsync("12.0.67");
        lock (simulated.Sync)
        {
            simulated.Wired.DhcpEnabled = false;
            simulated.Wired.StaticAddress = simulated.Address;
            simulated.Wired.SubnetMask = IPAddress.Parse("255.255.255.0");
            simulated.Wired.DefaultGateway = IPAddress.Any;
        }

        var observer = new NetworkObserver(simulated);
        var originalName = simulated.General.HostName;

        // Once IPv6 is on, someone turns the ME to DHCP, so the interface Put (gateway only, no address) asks for
        // a static configuration without an address and is refused.
        simulated.Changed += (_, change) =>
        {
            if (change.Text == "wired interface: IPv6 on")
            {
                simulated.Wired.DhcpEnabled = true;
            }
        };
        await using var device = Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        var gateway = new IPAddress([127, 0, 85, simulated.Address.GetAddressBytes()[3] == 99 ? (byte)98 : (byte)99]);

        var refused = await Assert.ThrowsAsync<WsManFaultException>(() =>
            device.SetNetworkSettingsAsync(new() { HostName = "renamed", Ipv6Enabled = true, Ipv6Address = IPAddress.Parse("2001:db8::5"), Gateway = gateway }, cancellation));

        Assert.Equal("InternalError", refused.Fault.Subcode);
        Assert.False(simulated.Ipv6.Enabled);
        Assert.Equal("", simulated.Ipv6.ManualAddress);
        Assert.Equal(originalName, simulated.General.HostName);
        Assert.Collection(
            observer.SettingsEvents,
            applied => Assert.StartsWith("general settings: host renamed", applied, StringComparison.Ordinal),
            address => Assert.StartsWith("wired interface: IPv6 address 2001:db8::5 ", address, StringComparison.Ordinal),
            on => Assert.Equal("wired interface: IPv6 on", on),
            off => Assert.Equal("wired interface: IPv6 off", off),
            noAddress => Assert.StartsWith("wired interface: IPv6 address :: ", noAddress, StringComparison.Ordinal),
            rolledBack => Assert.StartsWith($"general settings: host {originalName}", rolledBack, StringComparison.Ordinal));
        Assert.False((await device.GetNetworkSettingsAsync(cancellation)).Ipv6Enabled);
    }

    [Theory]
    [MemberData(nameof(NetworkTestDevices.Firmware), MemberType = typeof(NetworkTestDevices))]
    public async Task Manual_addresses_round_trip_and_none_removes_them(string firmware)
    {
        await using var simulated = await StartAsync(firmware);
        var observer = new NetworkObserver(simulated);
        await using var device = Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        var before = await device.GetNetworkSettingsAsync(cancellation);
        var change = new NetworkChange
        {
            Ipv6Address = IPAddress.Parse("2001:db8::5"),
            Ipv6Router = IPAddress.Parse("fe80::1"),
            Ipv6PrimaryDns = IPAddress.Parse("2001:db8::53"),
            Ipv6SecondaryDns = IPAddress.Parse("2001:db8::54"),
        };

        var set = await device.SetNetworkSettingsAsync(change, cancellation);
        string[] held;
        lock (simulated.Sync)
        {
            held = [simulated.Ipv6.ManualAddress, simulated.Ipv6.DefaultRouter, simulated.Ipv6.PrimaryDns, simulated.Ipv6.SecondaryDns];
        }

        var cleared = await device.SetNetworkSettingsAsync(new() { Ipv6Address = Ipv6.None, Ipv6SecondaryDns = Ipv6.None }, cancellation);

        Assert.Equal((Ipv6.None, Ipv6.None, Ipv6.None, Ipv6.None), (before.Ipv6Address, before.Ipv6Router, before.Ipv6PrimaryDns, before.Ipv6SecondaryDns));
        Assert.Equal(
            before with { Ipv6Address = change.Ipv6Address, Ipv6Router = change.Ipv6Router, Ipv6PrimaryDns = change.Ipv6PrimaryDns, Ipv6SecondaryDns = change.Ipv6SecondaryDns },
            set.After);
        Assert.Equal(["2001:db8::5", "fe80::1", "2001:db8::53", "2001:db8::54"], held);
        Assert.Equal(set.After with { Ipv6Address = Ipv6.None, Ipv6SecondaryDns = Ipv6.None }, cleared.After);
        Assert.Equal("", simulated.Ipv6.ManualAddress);
        Assert.Equal("fe80::1", simulated.Ipv6.DefaultRouter);
        Assert.False(simulated.Ipv6.Enabled);
        Assert.Equal(2, observer.SettingsEvents.Count);
    }

    [Theory]
    [InlineData("address", "fe80::5", "IPv6 address fe80::5 is a link-local address, which the ME forms itself")]
    [InlineData("address", "192.0.2.5", "IPv6 address 192.0.2.5 is not an IPv6 address")]
    [InlineData("router", "ff02::2", "IPv6 router ff02::2 is a multicast address")]
    [InlineData("dns1", "::1", "IPv6 DNS 1 ::1 is the loopback address")]
    [InlineData("dns2", "::ffff:192.0.2.53", "IPv6 DNS 2 ::ffff:192.0.2.53 is an IPv4-mapped address")]
    public async Task A_manual_address_that_cannot_serve_is_refused_before_anything_is_sent(string what, string value, string expected)
    {
        await using var simulated = await StartAsync("12.0.67");
        var observer = new NetworkObserver(simulated);
        await using var device = Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;
        await device.GetNetworkSettingsAsync(cancellation);
        var start = simulated.RequestCount;
        await device.GetNetworkSettingsAsync(cancellation);
        var reads = simulated.RequestCount - start;
        var address = IPAddress.Parse(value);
        var change = what switch
        {
            "address" => new NetworkChange { Ipv6Address = address },
            "router" => new NetworkChange { Ipv6Router = address },
            "dns1" => new NetworkChange { Ipv6PrimaryDns = address },
            _ => new NetworkChange { Ipv6SecondaryDns = address },
        };
        start = simulated.RequestCount;

        var refused = await Assert.ThrowsAsync<SharpAmt.Network.InvalidNetworkSettingException>(() =>
            device.SetNetworkSettingsAsync(change with { HostName = "renamed", Ipv6Enabled = true }, cancellation));

        Assert.Equal(expected, refused.Message);
        Assert.Equal(reads, simulated.RequestCount - start);
        Assert.Empty(observer.SettingsEvents);
        Assert.Equal("", simulated.Ipv6.ManualAddress);
        Assert.False(simulated.Ipv6.Enabled);
    }

    [Fact]
    public async Task Before_amt_6_manual_addresses_are_not_offered()
    {
        await using var simulated = await StartAsync("5.2.70");
        await using var device = Connect(simulated, ManagementProtocol.WsMan);
        var cancellation = TestContext.Current.CancellationToken;

        var settings = await device.GetNetworkSettingsAsync(cancellation);
        var refused = await Assert.ThrowsAsync<AmtFeatureUnavailableException>(() =>
            device.SetNetworkSettingsAsync(new() { Ipv6PrimaryDns = IPAddress.Parse("2001:db8::53") }, cancellation));

        Assert.Null(settings.Ipv6Address);
        Assert.Null(settings.Ipv6PrimaryDns);
        Assert.EndsWith(": manual IPv6 addresses are not offered by this device (they need AMT 6 or later); nothing was changed", refused.Message, StringComparison.Ordinal);
    }

    private static async Task<SimulatedDevice> StartAsync(string firmware)
    {
        var index = Interlocked.Increment(ref _next);
        if (index > 99)
        {
            throw new InvalidOperationException("the IPv6 tests ran out of addresses in 127.0.85.1-99");
        }

        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = new IPAddress(new byte[] { 127, 0, 85, (byte)index }),
            Firmware = FirmwareProfiles.Find(firmware) ?? throw new ArgumentException($"no firmware {firmware}", nameof(firmware)),
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync(TestContext.Current.CancellationToken);
        return device;
    }

    private static AmtDevice Connect(SimulatedDevice device, ManagementProtocol protocol = ManagementProtocol.Auto) =>
        new(new AmtConnectionOptions
        {
            Host = device.Address.ToString(),
            UseTls = device.Firmware.TlsOnly,
            Protocol = protocol,
            Credentials = new AmtCredentials(device.Options.User, device.Options.Password),
            Timeout = TimeSpan.FromSeconds(10),
            Retry = RetryPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(20) },
        });
}
