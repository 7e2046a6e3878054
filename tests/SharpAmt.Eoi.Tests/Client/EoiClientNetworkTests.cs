using System.Net;
using SharpAmt.Eoi.Messages;
using SharpAmt.Eoi.Tests.Support;
using SharpAmt.Simulator.Host;
using Xunit;

namespace SharpAmt.Eoi.Tests.Client;

/// <summary>EoiClient against simulated AMT 2.6, 5.2 and 8.1: identity, names and the network interface, with the device's state checked.</summary>
public sealed class EoiClientNetworkTests
{
    [Theory]
    [InlineData("2.6", "2.6.3")]
    [InlineData("5.2", "5.2.70")]
    [InlineData("8.1", "8.1.71")]
    public async Task Core_version_host_and_domain_are_the_devices(string firmware, string version)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync(firmware, cancellationToken: cancellation);
        await using var client = TestDevices.Client(device);

        Assert.Equal(version, await client.GetCoreVersionAsync(cancellation));
        Assert.Equal(device.General.HostName, await client.GetHostNameAsync(cancellation));
        Assert.Equal("sim.lan", await client.GetDomainNameAsync(cancellation));
        Assert.Equal("Intel(R) Active Management Technology " + version, client.Http.ServerHeader);
    }

    [Theory]
    [InlineData("2.6")]
    [InlineData("5.2")]
    [InlineData("8.1")]
    public async Task Names_are_set_and_invalid_ones_refused_without_change(string firmware)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync(firmware, cancellationToken: cancellation);
        await using var client = TestDevices.Client(device);
        var events = new List<HostEvent>();
        device.Changed += (_, hostEvent) => events.Add(hostEvent);

        await client.SetHostNameAsync("lab-42", cancellation);
        await client.SetDomainNameAsync("corp.example", cancellation);
        var badHost = await Assert.ThrowsAsync<EoiStatusException>(() => client.SetHostNameAsync("not a name", cancellation));
        var badDomain = await Assert.ThrowsAsync<EoiStatusException>(() => client.SetDomainNameAsync("corp..example", cancellation));

        Assert.Equal("lab-42", device.General.HostName);
        Assert.Equal("corp.example", device.General.DomainName);
        Assert.Equal("lab-42", await client.GetHostNameAsync(cancellation));
        Assert.Equal((PtStatus.InvalidName, "PT_STATUS_INVALID_NAME", "SetHostName"), (badHost.Status, badHost.StatusName, badHost.Operation));
        Assert.Equal(PtStatus.InvalidDomainName, badDomain.Status);
        Assert.Equal($"{client.Http.Endpoint}: SetDomainName: PT_STATUS_INVALID_DOMAIN_NAME (0x1C)", badDomain.Message);
        Assert.Contains(events, e => e.Kind == HostEventKind.Settings && e.Text == "EOI: host name set to lab-42");
    }

    [Theory]
    [InlineData("2.6", "Intel(R) 82566MM Gigabit Network Connection")]
    [InlineData("5.2", "Intel(R) 82567LM-3 Gigabit Network Connection")]
    [InlineData("8.1", "Intel(R) 82579LM Gigabit Network Connection")]
    public async Task The_wired_interface_reports_the_shared_state(string firmware, string controller)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync(firmware, cancellationToken: cancellation);
        await using var client = TestDevices.Client(device);

        Assert.Equal([0u], await client.EnumerateInterfacesAsync(cancellation));
        var settings = await client.GetInterfaceSettingsAsync(0, cancellation);
        var missing = await Assert.ThrowsAsync<EoiStatusException>(() => client.GetInterfaceSettingsAsync(1, cancellation));

        Assert.Equal(controller, settings.HardwareAddressDescription);
        Assert.Equal(device.Identity.MacAddressText, settings.MacAddress);
        Assert.Equal(EoiInterfaceMode.SharedMacAddress, settings.Mode);
        Assert.Equal(device.Wired.LinkPolicy, settings.LinkPolicy);
        Assert.True(settings.DhcpEnabled);
        Assert.Equal(new EoiIpv4Parameters(device.Address, IPAddress.Parse("255.0.0.0"), IPAddress.Parse("127.0.0.1"), IPAddress.Parse("127.0.0.1"), IPAddress.Any), settings.Ipv4);
        Assert.Equal(PtStatus.InvalidHandle, missing.Status);
    }

    [Fact]
    public async Task Settings_for_an_interface_that_does_not_exist_are_refused_without_change()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("8.1", cancellationToken: cancellation);
        await using var client = TestDevices.Client(device);

        var settings = await Assert.ThrowsAsync<EoiStatusException>(() =>
            client.SetInterfaceSettingsAsync(1, new EoiInterfaceChange(EoiInterfaceMode.SeparateMacAddress, 0, null), cancellation));
        var vlan = await Assert.ThrowsAsync<EoiStatusException>(() => client.SetVlanParametersAsync(1, new EoiVlanSettings(true, 5), cancellation));

        Assert.Equal((PtStatus.InvalidHandle, PtStatus.InvalidHandle), (settings.Status, vlan.Status));
        Assert.Equal((true, true, 0), (device.Wired.SharedMac, device.Wired.DhcpEnabled, device.Wired.VlanTag));
    }

    [Theory]
    [InlineData("2.6")]
    [InlineData("5.2")]
    [InlineData("8.1")]
    public async Task A_static_address_moves_the_device_and_dhcp_brings_it_back(string firmware)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync(firmware, cancellationToken: cancellation);
        var original = device.Address;
        var moved = TestAddresses.Next();
        var ipv4 = new EoiIpv4Parameters(moved, IPAddress.Parse("255.255.255.0"), IPAddress.Parse("127.0.70.254"), IPAddress.Parse("127.0.70.253"), IPAddress.Parse("0.0.0.0"));
        await using (var client = TestDevices.Client(device))
        {
            await client.SetInterfaceSettingsAsync(0, new EoiInterfaceChange(EoiInterfaceMode.SeparateMacAddress, 14, ipv4), cancellation);
        }

        await WaitForAddressAsync(device, moved, cancellation);
        await using (var atNewAddress = TestDevices.Client(device, moved))
        {
            var settings = await atNewAddress.GetInterfaceSettingsAsync(0, cancellation);
            Assert.Equal(new EoiInterfaceSettings(device.Firmware.NetworkController, device.Identity.MacAddressText, EoiInterfaceMode.SeparateMacAddress, 14, false, ipv4), settings);
            Assert.False(device.Wired.SharedMac);
            Assert.False(device.Wired.DhcpEnabled);

            await atNewAddress.SetInterfaceSettingsAsync(0, new EoiInterfaceChange(EoiInterfaceMode.SharedMacAddress, 15, null), cancellation);
        }

        await WaitForAddressAsync(device, original, cancellation);
        await using var back = TestDevices.Client(device);
        var dhcp = await back.GetInterfaceSettingsAsync(0, cancellation);
        Assert.True(dhcp.DhcpEnabled);
        Assert.Equal(EoiInterfaceMode.SharedMacAddress, dhcp.Mode);
        Assert.Equal(original, dhcp.Ipv4!.LocalAddress);
    }

    [Fact]
    public async Task Odd_addresses_and_masks_are_taken_as_sent_and_an_unservable_address_keeps_the_device_where_it_is()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync("5.2", cancellationToken: cancellation);
        await using var client = TestDevices.Client(device);
        var events = new List<string>();
        device.Changed += (_, hostEvent) => events.Add(hostEvent.Text);
        // What amttool's netconf sends for 192.168.1.100/255.255.255.0 gw 192.168.1.1.
        var ipv4 = new EoiIpv4Parameters(
            EoiValues.ToAddress(Golden.AmttoolAddress(192, 168, 1, 100)), EoiValues.ToAddress(Golden.AmttoolAddress(255, 255, 255, 0)),
            EoiValues.ToAddress(Golden.AmttoolAddress(192, 168, 1, 1)), EoiValues.ToAddress(Golden.AmttoolAddress(192, 168, 1, 1)), IPAddress.Any);

        await client.SetInterfaceSettingsAsync(0, new EoiInterfaceChange(EoiInterfaceMode.SeparateMacAddress, 14, ipv4), cancellation);

        Assert.Equal(ipv4, (await client.GetInterfaceSettingsAsync(0, cancellation)).Ipv4);
        Assert.Equal("255.246.9.0", device.Wired.SubnetMask.ToString());
        Assert.Contains("EOI: interface 0 own MAC, static 192.161.113.100 mask 255.246.9.0 gateway 192.161.113.1 DNS 192.161.113.1 0.0.0.0, link policy 0x0E", events);
        Assert.Contains($"ME address set to 192.161.113.100, which the simulator cannot serve; still answering at {device.Address}", events);
    }

    [Theory]
    [InlineData("2.6")]
    [InlineData("8.1")]
    public async Task Ping_response_and_vlan_change_the_shared_state(string firmware)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await TestDevices.StartAsync(firmware, cancellationToken: cancellation);
        await using var client = TestDevices.Client(device);

        Assert.True(await client.GetPingResponseAsync(cancellation));
        await client.SetPingResponseAsync(false, cancellation);
        Assert.False(device.General.PingResponseEnabled);
        Assert.False(await client.GetPingResponseAsync(cancellation));

        Assert.Equal(new EoiVlanSettings(false, 0), await client.GetVlanParametersAsync(0, cancellation));
        await client.SetVlanParametersAsync(0, new EoiVlanSettings(true, 100), cancellation);
        Assert.Equal(100, device.Wired.VlanTag);
        Assert.Equal(new EoiVlanSettings(true, 100), await client.GetVlanParametersAsync(0, cancellation));
        var noTag = await Assert.ThrowsAsync<EoiStatusException>(() => client.SetVlanParametersAsync(0, new EoiVlanSettings(true, 0), cancellation));
        var tooHigh = await Assert.ThrowsAsync<EoiStatusException>(() => client.SetVlanParametersAsync(0, new EoiVlanSettings(true, 4095), cancellation));
        var otherInterface = await Assert.ThrowsAsync<EoiStatusException>(() => client.GetVlanParametersAsync(2, cancellation));
        Assert.Equal(100, device.Wired.VlanTag);
        await client.SetVlanParametersAsync(0, new EoiVlanSettings(false, 100), cancellation);
        Assert.Equal(0, device.Wired.VlanTag);

        Assert.Equal([PtStatus.InvalidParameter, PtStatus.InvalidParameter, PtStatus.InvalidHandle], [noTag.Status, tooHigh.Status, otherInterface.Status]);
    }

    private static async Task WaitForAddressAsync(Simulator.SimulatedDevice device, IPAddress address, CancellationToken cancellationToken)
    {
        for (var waited = 0; !device.Address.Equals(address); waited += 20)
        {
            Assert.True(waited < 5000, $"the device did not move to {address} (still at {device.Address})");
            await Task.Delay(20, cancellationToken);
        }

        // The listeners move under the device's own lock; one more beat lets the old ones close.
        await Task.Delay(50, cancellationToken);
    }
}
