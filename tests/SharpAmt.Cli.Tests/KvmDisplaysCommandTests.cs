using System.Net;
using System.Text.Json;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.Screen;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// The displays in <c>amt kvm HOST settings</c>, against devices with one or more displays, one of them started by
/// <c>amt sim --displays</c>. Addresses 127.0.220.1–60 only.
/// </summary>
public sealed class KvmDisplaysCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static int _next;

    [Fact]
    public async Task Settings_show_how_many_displays_are_active()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync(displays: 2);

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "settings");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("2 active (0, 1)", result.Out, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Firmware_without_the_class_shows_the_displays_as_not_reported()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync(displays: 1, FirmwareProfiles.Amt6);

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "settings", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("activeDisplays").ValueKind);
    }

    [Fact]
    public async Task A_display_that_is_not_connected_is_set_with_one_warning_line()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync(displays: 2);

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "settings", "--default-screen", "2");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(2, device.Kvm.DefaultScreen);
        Assert.Equal(0, device.Screen.KvmDisplay);
        var warning = Assert.Single(result.ErrorLines);
        Assert.Contains("reports no display 2 connected (active: 0, 1)", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amt_sim_displays_gives_each_machine_that_many_displays()
    {
        using var harness = new CliHarness();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new CapturingWriter();
        var address = NextAddress().ToString();
        var sim = harness.RunAsync(["sim", "--first-address", address, "--displays", "3", "--extra-screen", "1024x768", "--power-delay", "0", "--quiet"], output, stop.Token);
        var deadline = DateTime.UtcNow + Patience;
        while (!output.Text.Contains("1 device ready", StringComparison.Ordinal))
        {
            Assert.False(sim.IsCompleted, $"amt sim ended early: {(sim.IsCompleted ? await sim : null)}");
            Assert.True(DateTime.UtcNow < deadline, $"amt sim never got ready:\n{output.Text}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        var result = await harness.RunAsync("wsman", address, "get", "IPS_ScreenSettingData", "--json");
        await stop.CancelAsync();
        await sim.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var properties = json.RootElement.GetProperty("properties");
        Assert.Equal(["true", "true", "true", "false"], properties.GetProperty("IsActive").EnumerateArray().Select(item => item.GetString()));
        Assert.Equal(["1920", "1024", "1024", "0"], properties.GetProperty("ResolutionX").EnumerateArray().Select(item => item.GetString()));
    }

    private static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        return index <= 60 ? new IPAddress(new byte[] { 127, 0, 220, (byte)index }) : throw new InvalidOperationException("out of 127.0.220.1-60");
    }

    private static async Task<SimulatedDevice> StartAsync(int displays, FirmwareProfile? firmware = null)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = NextAddress(),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            Password = CliHarness.Password,
            PowerTransitionDelay = TimeSpan.Zero,
            Screen = SimulatedScreenOptions.Default with { Displays = displays },
        });
        await device.StartAsync();
        return device;
    }
}
