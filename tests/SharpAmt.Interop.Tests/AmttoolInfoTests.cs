using SharpAmt.Interop.Tests.Support;
using SharpAmt.Simulator;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Interop.Tests;

/// <summary>Debian's amttool <c>info</c> and <c>netinfo</c> against simulated AMT: what it prints, without a Perl warning.</summary>
public sealed class AmttoolInfoTests
{
    private static string Info(SimulatedDevice device, string powerState) =>
        $"### AMT info on machine '{device.Address}' ###\n" +
        $"AMT version:  {device.Firmware.Version}\n" +
        $"Hostname:     {InteropDevices.Fqdn(device)}\n" +
        $"Powerstate:   {powerState}\n" +
        "Remote Control Capabilities:\n" +
        "    IanaOemNumber                   157\n" +
        "    OemDefinedCapabilities          IDER SOL BiosReflash BiosSetup BiosPause \n" +
        "    SpecialCommandsSupported        PXE-boot HD-boot HD-boot-safemode diag-boot cd-boot \n" +
        "    SystemCapabilitiesSupported     powercycle powerdown powerup reset \n" +
        "    SystemFirmwareCapabilities      f86e\n";

    [Theory]
    [InlineData("5.2", CimPowerState.On, "S0")]
    [InlineData("8.1", CimPowerState.On, "S0")]
    [InlineData("5.2", CimPowerState.Off, "S5 (soft-off)")]
    [InlineData("8.1", CimPowerState.Sleep, "S3")]
    [InlineData("2.6", CimPowerState.On, "S0")]
    public async Task Info_prints_version_host_power_state_and_capabilities(string firmware, CimPowerState power, string printed)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await InteropDevices.StartAsync(firmware, power, cancellation);

        var result = await InteropDevices.AmttoolAsync(device, "info", cancellationToken: cancellation);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Info(device, printed), result.Output);
        Assert.Equal("", result.Errors);
    }

    [Theory]
    [InlineData("5.2")]
    [InlineData("8.1")]
    public async Task Netinfo_prints_the_wired_interface(string firmware)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await InteropDevices.StartAsync(firmware, cancellationToken: cancellation);

        var result = await InteropDevices.AmttoolAsync(device, "netinfo", cancellationToken: cancellation);

        Assert.Equal(
            "Network Interface 0:\n" +
            "    DhcpEnabled                     true\n" +
            $"    HardwareAddressDescription      {device.Firmware.NetworkController}\n" +
            "    InterfaceMode                   SHARED_MAC_ADDRESS\n" +
            "    LinkPolicy                      15\n" +
            $"    MACAddress                      {device.Identity.MacAddressText}\n" +
            "        DefaultGatewayAddress       127.0.0.1\n" +
            $"        LocalAddress                {device.Address}\n" +
            "        PrimaryDnsAddress           127.0.0.1\n" +
            "        SecondaryDnsAddress         0.0.0.0\n" +
            "        SubnetMask                  255.0.0.0\n",
            result.Output);
        Assert.Equal("", result.Errors);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task A_wrong_password_gets_nothing_out_of_the_device()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await InteropDevices.StartAsync("8.1", CimPowerState.Off, cancellation);

        var result = await Amttool.RunAsync("Wr0ng!pass", [device.Address.ToString(), "powerup"], "y\n", cancellation);

        // The device keeps answering 401, so amttool's first call dies before it asks anything.
        Assert.NotEqual(0, result.ExitCode);
        Assert.StartsWith("401 Unauthorized at /usr/bin/amttool line", result.Errors, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
        Assert.Equal(CimPowerState.Off, device.Host.PowerState);
    }
}
