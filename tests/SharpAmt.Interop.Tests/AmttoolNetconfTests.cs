using System.Net;
using SharpAmt.Interop.Tests.Support;
using SharpAmt.Simulator;
using Xunit;

namespace SharpAmt.Interop.Tests;

/// <summary>
/// Debian's amttool <c>netconf</c>, static form then DHCP form, against simulated AMT 5.2 and 8.1: the device
/// takes the settings as sent and moves to its new address, where amttool finds it again.
/// </summary>
public sealed class AmttoolNetconfTests
{
    [Theory]
    [InlineData("5.2")]
    [InlineData("8.1")]
    public async Task Static_then_dhcp_moves_the_device_and_back(string firmware)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await InteropDevices.StartAsync(firmware, cancellationToken: cancellation);
        var original = device.Address;
        var moved = InteropAddresses.Next();
        var gateway = InteropAddresses.Next();

        // amttool takes the word after the command as its "special" before netconf reads its own arguments, so a
        // working netconf needs a throwaway first argument: "netconf X if link ip mask gw".
        var setStatic = await Amttool.RunAsync(device.Options.Password,
            [original.ToString(), "netconf", "0", "0", "14", moved.ToString(), "255.255.255.0", gateway.ToString()], null, cancellation);

        Assert.Equal("result: pt_status: success\n", setStatic.Output);
        Assert.Equal("", setStatic.Errors);
        var wired = device.Wired;
        Assert.Equal((false, false, 14), (wired.SharedMac, wired.DhcpEnabled, (int)wired.LinkPolicy));
        // amttool sends the mask's second octet as 255 × 256 × 246: the device keeps what it was sent.
        Assert.Equal([moved, IPAddress.Parse("255.246.9.0"), gateway, gateway, IPAddress.Any], [wired.StaticAddress, wired.SubnetMask, wired.DefaultGateway, wired.PrimaryDns, wired.SecondaryDns]);
        await WaitForAddressAsync(device, moved, cancellation);

        var atNew = await Amttool.RunAsync(device.Options.Password, [moved.ToString(), "netinfo"], null, cancellation);
        Assert.Equal(
            "Network Interface 0:\n" +
            "    DhcpEnabled                     false\n" +
            $"    HardwareAddressDescription      {device.Firmware.NetworkController}\n" +
            "    InterfaceMode                   SEPARATE_MAC_ADDRESS\n" +
            "    LinkPolicy                      14\n" +
            $"    MACAddress                      {device.Identity.MacAddressText}\n" +
            $"        DefaultGatewayAddress       {gateway}\n" +
            $"        LocalAddress                {moved}\n" +
            $"        PrimaryDnsAddress           {gateway}\n" +
            "        SecondaryDnsAddress         0.0.0.0\n" +
            "        SubnetMask                  255.246.9.0\n",
            atNew.Output);

        var setDhcp = await Amttool.RunAsync(device.Options.Password, [moved.ToString(), "netconf", "0", "0", "15"], null, cancellation);

        Assert.Equal("result: pt_status: success\n", setDhcp.Output);
        Assert.Equal((true, true, 15), (wired.SharedMac, wired.DhcpEnabled, (int)wired.LinkPolicy));
        await WaitForAddressAsync(device, original, cancellation);
        var back = await Amttool.RunAsync(device.Options.Password, [original.ToString(), "netinfo"], null, cancellation);
        Assert.Contains("    DhcpEnabled                     true\n", back.Output, StringComparison.Ordinal);
        Assert.Contains("    InterfaceMode                   SHARED_MAC_ADDRESS\n", back.Output, StringComparison.Ordinal);
        Assert.Contains($"        LocalAddress                {original}\n", back.Output, StringComparison.Ordinal);
        Assert.Equal("", back.Errors);
    }

    private static async Task WaitForAddressAsync(SimulatedDevice device, IPAddress address, CancellationToken cancellationToken)
    {
        for (var waited = 0; !device.Address.Equals(address); waited += 20)
        {
            Assert.True(waited < 5000, $"the device did not move to {address} (still at {device.Address})");
            await Task.Delay(20, cancellationToken);
        }

        await Task.Delay(50, cancellationToken);
    }
}
