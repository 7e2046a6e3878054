using SharpAmt.Interop.Tests.Support;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Host;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Interop.Tests;

/// <summary>
/// Debian's amttool power commands against simulated AMT 5.2 and 8.1, each without a special and with every
/// special, confirmed with <c>y</c> on stdin: what it prints, and what happened to the host. The seven runs of a
/// command go in parallel, each to its own device.
/// </summary>
public sealed class AmttoolPowerTests
{
    private static readonly string?[] Specials = [null, "bios", "pxe", "hd", "hdsafe", "cd", "diag"];

    public static TheoryData<string, string> Commands() => new()
    {
        { "5.2", "reset" }, { "5.2", "powerup" }, { "5.2", "powerdown" }, { "5.2", "powercycle" },
        { "8.1", "reset" }, { "8.1", "powerup" }, { "8.1", "powerdown" }, { "8.1", "powercycle" },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_special_does_what_it_says(string firmware, string command)
    {
        var cancellation = TestContext.Current.CancellationToken;
        var before = command == "powerup" ? CimPowerState.Off : CimPowerState.On;
        var runs = await Task.WhenAll(Specials.Select(async special =>
        {
            var device = await InteropDevices.StartAsync(firmware, before, cancellation);
            var result = await InteropDevices.AmttoolAsync(device, command, special, "y\n", cancellation);
            return (Special: special, Device: device, Result: result);
        }));
        try
        {
            foreach (var (special, device, result) in runs)
            {
                var context = $"amttool {command} {special}: {result}";
                Assert.True(result.ExitCode == 0, context);
                Assert.True(result.Errors.Length == 0, context);
                Assert.Equal($"host {InteropDevices.Fqdn(device)}, {command} [y/N] ? execute: {command}\nresult: pt_status: success\n", result.Output);
                CheckEffect(command, special, device, context);
            }
        }
        finally
        {
            await Task.WhenAll(runs.Select(run => run.Device.DisposeAsync().AsTask()));
        }
    }

    private static void CheckEffect(string command, string? special, SimulatedDevice device, string context)
    {
        var host = device.Host;
        Assert.True(host.Boot.OptionsCleared, context);
        if (command == "powerdown")
        {
            Assert.Equal(CimPowerState.Off, host.PowerState);
            Assert.Empty(host.BootHistory);
            return;
        }

        Assert.Equal(CimPowerState.On, host.PowerState);
        var boot = Assert.Single(host.BootHistory);
        var expectedCause = command switch
        {
            "reset" => CimPowerState.Reset,
            "powercycle" => CimPowerState.Cycle,
            _ => CimPowerState.On,
        };
        var expected = special switch
        {
            "bios" => (BootDevice.BiosSetup, true, false),
            "pxe" => (BootDevice.Pxe, false, false),
            "hd" => (BootDevice.HardDisk, false, false),
            "hdsafe" => (BootDevice.HardDisk, false, true),
            "cd" => (BootDevice.CdDvd, false, false),
            "diag" => (BootDevice.Diagnostics, false, false),
            _ => (BootDevice.Default, false, false),
        };
        Assert.Equal((expected, expectedCause), ((boot.Device, boot.SolRedirected, boot.SafeMode), boot.Cause));
    }

    [Theory]
    [InlineData("5.2", "powerup", CimPowerState.On)]
    [InlineData("8.1", "reset", CimPowerState.Off)]
    [InlineData("8.1", "powerdown", CimPowerState.Off)]
    public async Task A_command_the_power_state_does_not_allow_is_refused_and_changes_nothing(string firmware, string command, CimPowerState power)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await InteropDevices.StartAsync(firmware, power, cancellation);

        var result = await InteropDevices.AmttoolAsync(device, command, "pxe", "y\n", cancellation);

        Assert.EndsWith($"execute: {command}\nresult: pt_status: not permitted\n", result.Output, StringComparison.Ordinal);
        Assert.Equal(power, device.Host.PowerState);
        Assert.Empty(device.Host.BootHistory);
        Assert.Null(device.Host.Boot.Source);
    }

    [Fact]
    public async Task Answering_no_sends_nothing()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await InteropDevices.StartAsync("8.1", cancellationToken: cancellation);

        var result = await InteropDevices.AmttoolAsync(device, "reset", "pxe", "n\n", cancellation);

        Assert.Equal($"host {InteropDevices.Fqdn(device)}, reset [y/N] ? canceled\n", result.Output);
        Assert.Empty(device.Host.BootHistory);
        Assert.DoesNotContain("RemoteControl", device.LastRequest, StringComparison.Ordinal);
    }
}
