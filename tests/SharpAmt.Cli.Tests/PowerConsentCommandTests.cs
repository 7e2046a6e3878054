using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// <c>amt power HOST reset --boot bios</c> (and other redirected boots) on a device in client control mode: the consent
/// code is asked for first, the boot then goes where it was sent. Addresses 127.0.218.101–200.
/// </summary>
public sealed class PowerConsentCommandTests
{
    private static int _next;

    private static async Task<SimulatedDevice> StartAsync(CimPowerState power = CimPowerState.On)
    {
        var index = Interlocked.Increment(ref _next);
        if (index > 100)
        {
            throw new InvalidOperationException("the power consent tests ran out of addresses in 127.0.218.101-200");
        }

        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = new IPAddress(new byte[] { 127, 0, 218, (byte)(100 + index) }),
            Firmware = FirmwareProfiles.Amt12,
            Password = CliHarness.Password,
            ControlMode = Simulator.ControlMode.Client,
            PowerTransitionDelay = TimeSpan.Zero,
            InitialPowerState = power,
        });
        await device.StartAsync();
        return device;
    }

    [Fact]
    public async Task Reset_to_bios_asks_for_the_code_then_boots_to_bios_setup()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync();
        var typer = new ConsentCodeTyper(device);
        cli.InputReader = typer;

        var result = await cli.RunAsync("power", device.Address.ToString(), "reset", "--boot", "bios");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(1, typer.LinesRead);
        Assert.Contains("shows a 6-digit code on its screen", result.Error, StringComparison.Ordinal);
        Assert.Contains("user consent granted", result.Error, StringComparison.Ordinal);
        Assert.Equal(BootDevice.BiosSetup, device.Host.LastBoot!.Device);
    }

    [Fact]
    public async Task A_host_that_is_off_is_powered_on_for_the_code_and_then_reset_to_bios_setup_with_sol()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync(CimPowerState.Off);
        cli.InputReader = new ConsentCodeTyper(device);

        var result = await cli.RunAsync("power", device.Address.ToString(), "on", "--boot", "bios", "--sol");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("resetting it to boot to", result.Error, StringComparison.Ordinal);
        var boots = device.Host.BootHistory;
        Assert.Equal(2, boots.Count);
        Assert.Equal(BootDevice.Default, boots[0].Device);
        Assert.Equal(BootDevice.BiosSetup, boots[1].Device);
        Assert.True(boots[1].SolRedirected);
    }

    [Fact]
    public async Task A_wrong_code_is_exit_1_and_the_host_is_not_reset()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync();
        var boots = device.Host.BootHistory.Count;

        var result = await cli.RunAsync("power", device.Address.ToString(), "reset", "--boot", "ider-cd", "--consent-code", "000000");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.Contains("wrong consent code", result.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(boots, device.Host.BootHistory.Count);
        Assert.Null(device.Consent.DisplayedCode);
    }

    [Fact]
    public async Task A_boot_that_redirects_nothing_asks_for_no_code()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync();
        cli.Input = "";

        var result = await cli.RunAsync("power", device.Address.ToString(), "reset", "--boot", "pxe");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.DoesNotContain("code", result.Error, StringComparison.Ordinal);
        Assert.Equal(BootDevice.Pxe, device.Host.LastBoot!.Device);
    }
}
