using System.Text.Json;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Tests.Support;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// <c>amt consent HOST display N</c> and the display in <c>amt consent HOST status</c>: the code moves to the display
/// chosen, whatever <c>amt kvm HOST settings --default-screen</c> says. Addresses 127.0.222.1–120 only.
/// </summary>
public sealed class ConsentDisplayCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly AddressBlock Addresses = new(222, 1, 120);

    [Fact]
    public async Task Status_shows_the_display_the_code_appears_on()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync();
        var host = device.Address.ToString();

        var table = await harness.RunAsync("consent", host, "status");
        await harness.RunAsync("consent", host, "display", "1");
        var json = await harness.RunAsync("consent", host, "status", "--json");

        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Contains("Code appears on", table.Out, StringComparison.Ordinal);
        Assert.Contains("display 0 (the primary)", table.Out, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(1, document.RootElement.GetProperty("codeDisplay").GetInt32());
    }

    [Fact]
    public async Task On_two_displays_the_code_follows_display_and_not_the_kvm_default_screen()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync(configure: options => options with
        {
            InitialPowerState = CimPowerState.On,
            Screen = SimulatedScreenOptions.Default with { Displays = 2, AnimationRate = 0 },
        });
        var host = device.Address.ToString();
        await WaitForDesktopAsync(device);
        await harness.RunAsync("consent", host, "start");
        var shown = $"USER CONSENT CODE: {device.Consent.DisplayedCode}";

        var second = await harness.RunAsync("consent", host, "display", "1");
        var onSecond = ConsentLines(device);
        var kvm = await harness.RunAsync("kvm", host, "settings", "--default-screen", "1");
        var first = await harness.RunAsync("consent", host, "display", "0");
        var onFirst = ConsentLines(device);

        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Equal($"The consent code now appears on display 1 (the second) of {host}:16992.", second.Out.TrimEnd());
        Assert.Empty(second.Error);
        Assert.Equal((false, true), (onSecond.First == shown, onSecond.Second == shown));
        Assert.Equal(ExitCodes.Success, kvm.ExitCode);
        Assert.Equal(1, device.Kvm.DefaultScreen);
        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Single(first.Out.TrimEnd().Split('\n'));
        Assert.Equal((true, false), (onFirst.First == shown, onFirst.Second == shown));
    }

    [Fact]
    public async Task Json_output_is_the_consent_status()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync();

        var result = await harness.RunAsync("consent", device.Address.ToString(), "display", "2", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var document = JsonDocument.Parse(result.Out);
        Assert.Equal(2, document.RootElement.GetProperty("codeDisplay").GetInt32());
        Assert.Equal("kvm", document.RootElement.GetProperty("policy").GetString());
    }

    [Fact]
    public async Task A_third_display_before_amt10_is_a_usage_error_and_nothing_changes()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync(FirmwareProfiles.Amt8);

        var result = await harness.RunAsync("consent", device.Address.ToString(), "display", "2");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("the consent display must be 0 to 1 on AMT 8", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(result.Out);
        Assert.Equal(0, device.SecureIo.DefaultScreen);
    }

    [Fact]
    public async Task Firmware_without_consent_is_a_device_error()
    {
        using var harness = new CliHarness();
        await using var device = await StartAsync(FirmwareProfiles.Amt6 with { Version = new(6, 0, 30) });

        var result = await harness.RunAsync("consent", device.Address.ToString(), "display", "1");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.Contains("needs AMT 6.2 or later", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, device.SecureIo.DefaultScreen);
    }

    private static (string First, string Second) ConsentLines(SimulatedDevice device) =>
        (DisplayPictures.ConsentLine(device.Screen.Display(0)), DisplayPictures.ConsentLine(device.Screen.Display(1)));

    private static async Task WaitForDesktopAsync(SimulatedDevice device)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (device.Screen.Mode != ScreenMode.Desktop)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the simulated host never reached its desktop ({device.Screen.Mode})");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    private static Task<SimulatedDevice> StartAsync(FirmwareProfile? firmware = null, Func<SimulatedDeviceOptions, SimulatedDeviceOptions>? configure = null) =>
        TestDevices.StartAsync(firmware, options => (configure?.Invoke(options) ?? options) with { Address = Addresses.Next() });
}
