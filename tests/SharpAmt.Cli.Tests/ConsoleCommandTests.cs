using System.Text;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Sol;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// <c>amt console HOST --reset [--bios]</c>: the console is attached before the boot is asked for, so the boot
/// shows from its first line, over WS-Man (AMT 12) and EOI (AMT 8.1) alike.
/// </summary>
public sealed class ConsoleCommandTests
{
    private const string PostFirstLine = "Version 2.22.1287. Copyright (C) 2024 American Megatrends, Inc.";

    [Theory]
    [InlineData("12")]
    [InlineData("8.1")]
    public async Task A_reset_shows_POST_from_its_first_line_then_the_login_and_the_shell(string firmware)
    {
        using var cli = new CliHarness();
        await using var device = await ConsoleDevices.StartAsync(FirmwareProfiles.Find(firmware));
        var log = Path.Combine(cli.Root, "console.log");

        var result = await cli.RunAsync("console", device.Address.ToString(), "--reset", "--log", log,
            "--expect", "Press <DEL> or <F2> to enter setup", "--expect", "login: $",
            "--send", @"user\r", "--expect", "Password: $", "--send", @"user\r", @"--expect", @"\$ $",
            "--send", @"uname\r", "--expect", @"\r\nLinux\r\n");

        Assert.Equal(0, result.ExitCode);
        var shown = File.ReadAllText(log);
        // Nothing before POST's screen clear and first line was missed.
        Assert.StartsWith("\e[0m\e[2J\e[H" + PostFirstLine, shown, StringComparison.Ordinal);
        Assert.True(device.Host.LastBoot?.SolRedirected, "the boot was not asked for with SOL redirection");
        Assert.Contains("requested", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("powering it up", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12", false)]
    [InlineData("16.1", true)]
    public async Task Amt_sol_logs_in_on_the_simulated_console_and_runs_a_command_over_plain_and_tls(string firmware, bool tls)
    {
        using var cli = new CliHarness();
        await using var device = await ConsoleDevices.StartAsync(FirmwareProfiles.Find(firmware));
        string[] transport = tls ? ["--tls"] : [];

        var result = await cli.RunAsync(["sol", device.Address.ToString(), .. transport, "--send", @"\r", "--expect", "login: $",
            "--send", @"user\r", "--expect", "Password: $", "--send", @"user\r", "--expect", @"\$ $",
            "--send", @"echo over-sol\r", "--expect", @"\r\nover-sol\r\n"], output: null, TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(SharpAmt.Simulator.Host.SerialConsole.HostConsoleState.Shell, device.Console.State);
    }

    [Fact]
    public async Task Reset_with_bios_stops_in_BIOS_setup()
    {
        using var cli = new CliHarness();
        await using var device = await ConsoleDevices.StartAsync();

        var result = await cli.RunAsync("console", device.Address.ToString(), "--reset", "--bios", "--expect", "Aptio Setup Utility");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(SharpAmt.Simulator.Host.BootDevice.BiosSetup, device.Host.LastBoot?.Device);
    }

    [Fact]
    public async Task A_host_that_is_off_is_powered_up_instead_and_the_command_says_so()
    {
        using var cli = new CliHarness();
        await using var device = await ConsoleDevices.StartAsync(power: CimPowerState.Off);

        var result = await cli.RunAsync("console", device.Address.ToString(), "--reset", "--expect", Escape(PostFirstLine));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("is off (S5); powering it up instead of resetting", result.Error, StringComparison.Ordinal);
        Assert.Equal(CimPowerState.On, device.Host.PowerState);
    }

    [Fact]
    public async Task A_busy_console_is_one_line_exit_1_and_the_host_is_not_reset()
    {
        using var cli = new CliHarness();
        await using var device = await ConsoleDevices.StartAsync();
        using var held = device.SerialPort.TryAttach(_ => ValueTask.CompletedTask);

        var result = await cli.RunAsync("console", device.Address.ToString(), "--reset", "--expect", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.Contains("the serial-over-LAN console is in use by another session", result.Error, StringComparison.Ordinal);
        Assert.Null(device.Host.LastBoot);
    }

    [Fact]
    public async Task A_wrong_password_is_one_line_exit_1()
    {
        using var cli = new CliHarness();
        await using var device = await ConsoleDevices.StartAsync();
        cli.Variables["AMT_PASSWORD"] = "Not-The-Password-1";
        cli.AddSecret("Not-The-Password-1");

        var result = await cli.RunAsync("console", device.Address.ToString(), "--reset", "--expect", "x");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        // The consent check, over WS-Man, is the first to log in.
        Assert.Contains("authentication failed", result.Error, StringComparison.Ordinal);
        Assert.Null(device.Host.LastBoot);
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        using var cli = new CliHarness();

        var biosAlone = await cli.RunAsync("console", "127.0.112.255", "--bios", "--expect", "x");
        var noTerminal = await cli.RunAsync("console", "127.0.112.255", "--reset");
        var badTimeout = await cli.RunAsync("console", "127.0.112.255", "--reconnect-timeout", "-1", "--expect", "x");

        Assert.Equal(2, biosAlone.ExitCode);
        Assert.Contains("--bios works only with --reset", biosAlone.Error, StringComparison.Ordinal);
        Assert.Equal(2, noTerminal.ExitCode);
        Assert.Contains("amt console needs a terminal", noTerminal.Error, StringComparison.Ordinal);
        Assert.Equal(2, badTimeout.ExitCode);
    }

    [Fact]
    public async Task A_host_reset_over_WS_Man_keeps_the_attached_session_and_shows_the_new_boot()
    {
        using var cli = new CliHarness();
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await ConsoleDevices.StartAsync();
        await using var sol = await SolSession.OpenAsync(new RedirectionClientOptions
        {
            Host = device.Address.ToString(),
            Credentials = new AmtCredentials(device.Options.User, CliHarness.Password),
        }, cancellationToken: cancellation);

        var reset = await cli.RunAsync("power", device.Address.ToString(), "reset", "--sol");
        var shown = await ReadUntilAsync(sol, "login: ", cancellation);

        Assert.Equal(0, reset.ExitCode);
        Assert.Contains(PostFirstLine, shown, StringComparison.Ordinal);
        Assert.True(shown.IndexOf(PostFirstLine, StringComparison.Ordinal) < shown.IndexOf("Linux version", StringComparison.Ordinal));
        Assert.True(device.SerialPort.IsAttached);
        await sol.WriteAsync("user\r"u8.ToArray(), cancellation);
        await ReadUntilAsync(sol, "Password: ", cancellation);
    }

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);

    private static async Task<string> ReadUntilAsync(SolSession session, string expected, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(20));
        var text = new StringBuilder();
        var buffer = new byte[1024];
        while (!text.ToString().Contains(expected, StringComparison.Ordinal))
        {
            var read = await session.ReadAsync(buffer, limit.Token);
            Assert.True(read > 0, $"the session ended before '{expected}' arrived");
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
