using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Tests.Support;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary><c>amt sol</c> in scripting mode against a simulated device whose serial port echoes what is typed.</summary>
public sealed class SolCommandTests
{
    private static IPAddress NextAddress() => ConsoleDevices.NextAddress();

    private static async Task<SimulatedDevice> StartAsync(FirmwareProfile? firmware = null)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Console = SerialEcho.HostConsoleOff,
            Address = NextAddress(),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            Password = CliHarness.Password,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        device.Redirection.ListenerEnabled = true;
        await device.StartAsync();
        return device;
    }

    [Fact]
    public async Task Sends_and_expectations_run_in_order_and_succeed()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync();
        await using var echo = new SerialEcho(device.SerialPort);
        var log = Path.Combine(cli.Root, "console.log");

        var result = await cli.RunAsync("sol", device.Address.ToString(), "--send", @"first\r", "--expect", "fir+st", "--send", @"second\x21\n", "--expect", "second!", "--log", log);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal("first\rsecond!\n"u8.ToArray(), echo.TypedBytes());
        Assert.StartsWith("first\rsecond!", File.ReadAllText(log), StringComparison.Ordinal);
        await WaitDetachedAsync(device);
    }

    [Fact]
    public async Task Works_over_tls_on_tls_only_firmware()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync(FirmwareProfiles.Amt16);
        await using var echo = new SerialEcho(device.SerialPort);

        var result = await cli.RunAsync("sol", device.Address.ToString(), "--tls", "--send", @"ls\r", "--expect", "ls");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("pinned", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expectation_that_never_shows_exits_1_naming_the_pattern()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync();
        await using var echo = new SerialEcho(device.SerialPort);

        var result = await cli.RunAsync("sol", device.Address.ToString(), "--send", "abc", "--expect", "login:", "--timeout", "0.5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/login:/", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task A_busy_console_and_a_wrong_password_exit_1()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync();
        var held = device.SerialPort.TryAttach(_ => ValueTask.CompletedTask);

        var busy = await cli.RunAsync("sol", device.Address.ToString(), "--expect", "x");
        held!.Dispose();
        cli.Variables["AMT_PASSWORD"] = "Not-The-Password-1";
        cli.AddSecret("Not-The-Password-1");
        var wrong = await cli.RunAsync("sol", device.Address.ToString(), "--expect", "x");

        Assert.Equal(1, busy.ExitCode);
        Assert.Contains("in use", busy.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrong.ExitCode);
        // The consent check, over WS-Man, is the first to log in.
        Assert.Contains("authentication failed", wrong.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Usage_errors_exit_2()
    {
        using var cli = new CliHarness();

        var noTerminal = await cli.RunAsync("sol", "127.0.112.255");
        var badPattern = await cli.RunAsync("sol", "127.0.112.255", "--expect", "(");
        var password = await cli.RunAsync("sol", "127.0.112.255", "--password", "x", "--expect", "a");

        Assert.Equal(2, noTerminal.ExitCode);
        Assert.Contains("terminal", noTerminal.Error, StringComparison.Ordinal);
        Assert.Equal(2, badPattern.ExitCode);
        Assert.Equal(2, password.ExitCode);
    }

    private static async Task WaitDetachedAsync(SimulatedDevice device)
    {
        for (var i = 0; i < 200 && device.SerialPort.IsAttached; i++)
        {
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        Assert.False(device.SerialPort.IsAttached);
    }
}
