using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Transport;
using SharpAmt.WsMan;
using Xunit;

namespace SharpAmt.Tests;

/// <summary>
/// Changes that move the ME: the result says where it answers now, the simulated device answers there and no
/// longer at the old address; and a failed interface change puts the names and responses back.
/// </summary>
public sealed class NetworkAddressChangeTests
{
    private static readonly IPAddress Slash24 = IPAddress.Parse("255.255.255.0");

    [Theory]
    [MemberData(nameof(NetworkTestDevices.Firmware), MemberType = typeof(NetworkTestDevices))]
    public async Task A_forced_static_address_moves_the_device_there(string firmware)
    {
        await using var simulated = await NetworkTestDevices.StartAsync(firmware);
        var old = simulated.Address;
        var target = NetworkTestDevices.NextAddress();
        var moved = NetworkTestDevices.WhenMovedAsync(simulated, target);
        var cancellation = TestContext.Current.CancellationToken;

        NetworkChangeResult result;
        await using (var device = NetworkTestDevices.Connect(simulated))
        {
            result = await device.SetNetworkSettingsAsync(new() { Address = target, SubnetMask = Slash24, Gateway = IPAddress.Any, Force = true }, cancellation);
        }

        Assert.Equal(target.ToString(), result.MovedTo);
        Assert.False(result.AfterIsReadBack);
        Assert.True(result.Before.DhcpEnabled);
        Assert.Equal(old, result.Before.Address);
        Assert.False(result.After.DhcpEnabled);
        Assert.Equal(target, result.After.Address);
        Assert.Equal(Slash24, result.After.SubnetMask);
        Assert.Equal(IPAddress.Any, result.After.Gateway);

        await moved;
        Assert.Equal(target, simulated.Address);
        Assert.False(simulated.Wired.DhcpEnabled);
        Assert.Equal(target, simulated.Wired.StaticAddress);
        await using (var there = NetworkTestDevices.Connect(simulated, target))
        {
            var settings = await there.GetNetworkSettingsAsync(cancellation);
            Assert.False(settings.DhcpEnabled);
            Assert.Equal(target, settings.Address);
            Assert.Equal(Slash24, settings.SubnetMask);
            Assert.Equal(result.After, settings);
        }

        await AssertGoneAsync(simulated, old);
    }

    [Theory]
    [MemberData(nameof(NetworkTestDevices.Firmware), MemberType = typeof(NetworkTestDevices))]
    public async Task A_forced_move_of_a_static_device_then_dhcp_brings_it_back_to_its_lease(string firmware)
    {
        await using var simulated = await NetworkTestDevices.StartAsync(firmware);
        var lease = simulated.Address;
        var target = NetworkTestDevices.NextAddress();
        var cancellation = TestContext.Current.CancellationToken;
        var movedAway = NetworkTestDevices.WhenMovedAsync(simulated, target);
        await using (var device = NetworkTestDevices.Connect(simulated))
        {
            await device.SetNetworkSettingsAsync(new() { Address = target, SubnetMask = Slash24, Gateway = IPAddress.Any, Force = true }, cancellation);
        }

        await movedAway;

        // From the static address: moving again without --force, or turning DHCP on, is refused.
        var movedBack = NetworkTestDevices.WhenMovedAsync(simulated, lease);
        NetworkChangeResult result;
        await using (var device = NetworkTestDevices.Connect(simulated, target))
        {
            var refused = await Assert.ThrowsAsync<Network.InvalidNetworkSettingException>(() => device.SetNetworkSettingsAsync(new() { Dhcp = true }, cancellation));
            Assert.Equal($"turning DHCP on gives the ME an address nobody knows yet, and this connection to {target} would be lost; add --force if that is intended", refused.Message);
            Assert.False(simulated.Wired.DhcpEnabled);

            result = await device.SetNetworkSettingsAsync(new() { Dhcp = true, Force = true }, cancellation);
        }

        Assert.Equal("an address from DHCP", result.MovedTo);
        Assert.False(result.AfterIsReadBack);
        Assert.True(result.After.DhcpEnabled);
        Assert.Null(result.After.Address);
        Assert.Equal(target, result.Before.Address);

        await movedBack;
        Assert.True(simulated.Wired.DhcpEnabled);
        Assert.Equal(lease, simulated.Address);
        await using (var there = NetworkTestDevices.Connect(simulated, lease))
        {
            var settings = await there.GetNetworkSettingsAsync(cancellation);
            Assert.True(settings.DhcpEnabled);
            Assert.Equal(lease, settings.Address);
        }

        await AssertGoneAsync(simulated, target);
    }

    [Theory]
    [MemberData(nameof(NetworkTestDevices.Firmware), MemberType = typeof(NetworkTestDevices))]
    public async Task A_refused_interface_change_puts_the_names_and_responses_back(string firmware)
    {
        await using var simulated = await NetworkTestDevices.StartStaticAsync(firmware);
        var observer = new NetworkObserver(simulated);
        var originalName = simulated.General.HostName;
        var bytes = simulated.Address.GetAddressBytes();
        var gateway = new IPAddress([bytes[0], bytes[1], bytes[2], bytes[3] == 254 ? (byte)253 : (byte)254]);

        // Between the client's general settings Put and its interface Put, someone turns the ME to DHCP, so the
        // interface Put (gateway only, no address) asks for a static configuration without an address: refused.
        simulated.Changed += (_, change) =>
        {
            if (change.Text.StartsWith("general settings: host renamed", StringComparison.Ordinal))
            {
                simulated.Wired.DhcpEnabled = true;
            }
        };
        await using var device = NetworkTestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;

        var refused = await Assert.ThrowsAsync<WsManFaultException>(() =>
            device.SetNetworkSettingsAsync(new() { HostName = "renamed", PingResponse = false, Gateway = gateway }, cancellation));

        Assert.Equal("InternalError", refused.Fault.Subcode);
        Assert.Equal(originalName, simulated.General.HostName);
        Assert.True(simulated.General.PingResponseEnabled);
        Assert.Equal(IPAddress.Any, simulated.Wired.DefaultGateway);
        Assert.Collection(
            observer.SettingsEvents,
            applied => Assert.StartsWith("general settings: host renamed", applied, StringComparison.Ordinal),
            rolledBack => Assert.StartsWith($"general settings: host {originalName}", rolledBack, StringComparison.Ordinal));
        var settings = await device.GetNetworkSettingsAsync(cancellation);
        Assert.Equal(originalName, settings.HostName);
        Assert.True(settings.PingResponse);
    }

    [Fact]
    public async Task A_move_to_the_address_in_use_is_no_move()
    {
        await using var simulated = await NetworkTestDevices.StartAsync();
        var observer = new NetworkObserver(simulated);
        await using var device = NetworkTestDevices.Connect(simulated);
        var cancellation = TestContext.Current.CancellationToken;

        var result = await device.SetNetworkSettingsAsync(new() { Address = simulated.Address, SubnetMask = Slash24, Gateway = IPAddress.Any }, cancellation);
        var again = await device.GetNetworkSettingsAsync(cancellation);

        Assert.Null(result.MovedTo);
        Assert.True(result.AfterIsReadBack);
        Assert.False(again.DhcpEnabled);
        Assert.Equal(simulated.Options.Address, simulated.Address);
        Assert.DoesNotContain(observer.SettingsEvents, text => text.Contains("moved", StringComparison.Ordinal));
    }

    /// <summary>Nothing answers at <paramref name="address"/> any more: the connection is refused, promptly.</summary>
    private static async Task AssertGoneAsync(SimulatedDevice simulated, IPAddress address)
    {
        await using var gone = NetworkTestDevices.Connect(simulated, address, timeout: TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<AmtConnectionException>(() => gone.GetNetworkSettingsAsync(TestContext.Current.CancellationToken));

        Assert.Equal(ConnectionFailure.Refused, error.Failure);
    }
}
