using System.Net;
using System.Text.Json;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Tests.Support;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// <c>amt sol</c>, <c>amt console</c> and <c>amt ider</c> on devices whose consent policy covers all redirection: the
/// code comes from standard input or --consent-code, a wrong one is exit 1. Addresses 127.0.214.1–254.
/// </summary>
public sealed class RedirectionConsentCommandTests
{
    private static int _next;

    private static async Task<SimulatedDevice> StartAsync(bool echo = false)
    {
        var index = Interlocked.Increment(ref _next);
        if (index > 254)
        {
            throw new InvalidOperationException("the consent command tests ran out of addresses in 127.0.214.1-254");
        }

        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = new IPAddress(new byte[] { 127, 0, 214, (byte)index }),
            Firmware = FirmwareProfiles.Amt12,
            Password = CliHarness.Password,
            PowerTransitionDelay = TimeSpan.Zero,
            Console = echo ? SerialEcho.HostConsoleOff : ConsoleDevices.FullSpeed,
        });
        device.Redirection.ListenerEnabled = true;
        device.Consent.Required = OptIn.RequiredAll;
        await device.StartAsync();
        return device;
    }

    /// <summary>Someone at the machine has already read out the code of a request under way.</summary>
    private static string DisplayedCode(SimulatedDevice device)
    {
        Assert.Equal(0u, device.Consent.Start());
        return device.Consent.DisplayedCode!;
    }

    [Fact]
    public async Task Sol_reads_the_code_from_standard_input_then_runs_the_script()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync(echo: true);
        await using var echo = new SerialEcho(device.SerialPort);
        var typer = new ConsentCodeTyper(device);
        cli.InputReader = typer;

        var result = await cli.RunAsync("sol", device.Address.ToString(), "--send", @"hello\r", "--expect", "hello");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(1, typer.LinesRead);
        Assert.Contains("shows a 6-digit code on its screen", result.Error, StringComparison.Ordinal);
        Assert.Contains("user consent granted", result.Error, StringComparison.Ordinal);
        Assert.Equal("hello\r"u8.ToArray(), echo.TypedBytes());
    }

    [Fact]
    public async Task Sol_takes_the_code_from_the_option_without_asking()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync(echo: true);
        await using var echo = new SerialEcho(device.SerialPort);
        var code = DisplayedCode(device);

        var result = await cli.RunAsync("sol", device.Address.ToString(), "--consent-code", code, "--send", "x", "--expect", "x");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.DoesNotContain("type it", result.Error, StringComparison.Ordinal);
        Assert.Contains("user consent granted", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_code_is_one_line_and_exit_1_for_sol_and_console()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync(echo: true);
        var code = DisplayedCode(device);
        var wrong = code == "000000" ? "000001" : "000000";
        cli.Input = $"{wrong}\n{wrong}\n{wrong}\n";

        var typed = await cli.RunAsync("sol", device.Address.ToString(), "--expect", "x");
        // Three wrong codes ended the request; the option's code is then checked against a new one nobody has seen.
        var given = await cli.RunAsync("console", device.Address.ToString(), "--consent-code", "123456", "--expect", "x");

        Assert.Equal(ExitCodes.DeviceError, typed.ExitCode);
        Assert.Contains("wrong consent code", typed.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(2, typed.ErrorLines.Count(line => line.Contains("type the code on the host's screen again", StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.DeviceError, given.ExitCode);
        Assert.Contains("wrong consent code after 1 attempt;", given.ErrorLines[^1], StringComparison.Ordinal);
        Assert.False(device.SerialPort.IsAttached);
        Assert.Null(device.Consent.DisplayedCode);
    }

    [Fact]
    public async Task A_console_dropped_by_an_me_reset_has_used_up_its_consent_and_ends_with_one_line()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync(echo: true);

        var run = cli.RunAsync("sol", device.Address.ToString(), "--consent-code", DisplayedCode(device), "--expect", "never-shown", "--timeout", "30");
        await ConsoleDevices.EventuallyAsync(() => device.SerialPort.IsAttached, "amt sol never attached");
        device.SimulateManagementEngineReset(TimeSpan.FromMilliseconds(300));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(40), TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.EndsWith("SOL connection lost; reconnecting", result.ErrorLines[^2], StringComparison.Ordinal);
        Assert.Contains("needs user consent, which has not been granted", result.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(OptInState.NotStarted, device.Consent.State);
    }

    [Fact]
    public async Task Ider_boots_with_the_code_from_standard_input_and_json_keeps_the_prompt_off_stdout()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync();
        cli.InputReader = new ConsentCodeTyper(device);
        var iso = IderCommandTests.WriteIso(cli, "consent.iso", 1 << 20);

        var result = await cli.RunAsync("ider", device.Address.ToString(), "--cd", iso, "--boot", "--idle", "0.5", "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("shows a 6-digit code on its screen", result.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("the host stopped reading", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(Simulator.Host.BootDevice.IderCd, device.Host.LastBoot!.Device);
    }

    [Fact]
    public async Task Ider_takes_the_code_from_the_option_and_a_wrong_one_is_exit_1()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync();
        var iso = IderCommandTests.WriteIso(cli, "given.iso", 1 << 20);
        var code = DisplayedCode(device);
        var wrong = code == "000000" ? "000001" : "000000";

        var refused = await cli.RunAsync("ider", device.Address.ToString(), "--cd", iso, "--boot", "--idle", "0.5", "--consent-code", wrong);
        var served = await cli.RunAsync("ider", device.Address.ToString(), "--cd", iso, "--boot", "--idle", "0.5", "--consent-code", DisplayedCode(device));

        Assert.Equal(ExitCodes.DeviceError, refused.ExitCode);
        Assert.Contains("wrong consent code", refused.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, served.ExitCode);
        Assert.Contains("the host stopped reading", served.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sol", "--expect")]
    [InlineData("console", "--expect")]
    [InlineData("ider", "--cd")]
    public async Task A_malformed_consent_code_is_a_usage_error(string command, string option)
    {
        using var cli = new CliHarness();

        var result = await cli.RunAsync(command, "127.0.214.255", "--consent-code", "12ab", option, "x");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--consent-code takes the 6 digits", result.Error, StringComparison.Ordinal);
    }
}
