using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>amt sol when the device drops the console: one line on stderr, reconnection, and a bounded give-up.</summary>
public sealed class SolReconnectCommandTests
{
    [Fact]
    public async Task A_dropped_console_is_reconnected_and_both_events_are_one_line_each()
    {
        using var cli = new CliHarness();
        await using var device = await ConsoleDevices.StartAsync(echo: true);

        var run = cli.RunAsync("sol", device.Address.ToString(), "--expect", "after-the-ME-reset", "--timeout", "30");
        await ConsoleDevices.EventuallyAsync(() => device.SerialPort.IsAttached, "amt sol never attached");
        device.SimulateManagementEngineReset(TimeSpan.FromMilliseconds(500));
        await ConsoleDevices.EventuallyAsync(() => device.ManagementEngineDown, "the ME never went down");
        await ConsoleDevices.EventuallyAsync(() => !device.ManagementEngineDown && device.SerialPort.IsAttached, "amt sol did not reconnect");
        await device.SerialPort.HostWriteAsync("after-the-ME-reset"u8.ToArray());
        var result = await run.WaitAsync(TimeSpan.FromSeconds(40), TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        var lines = result.Error.TrimEnd().Split('\n');
        Assert.Equal([$"amt: {device.Address}:16994: SOL connection lost; reconnecting", $"amt: {device.Address}:16994: reconnected"], lines);
    }

    [Fact]
    public async Task A_console_that_does_not_come_back_ends_with_one_line_and_exit_1()
    {
        using var cli = new CliHarness();
        await using var device = await ConsoleDevices.StartAsync(echo: true);

        var run = cli.RunAsync("sol", device.Address.ToString(), "--expect", "never-shown", "--timeout", "30", "--reconnect-timeout", "1");
        await ConsoleDevices.EventuallyAsync(() => device.SerialPort.IsAttached, "amt sol never attached");
        await device.StopAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(40), TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.EndsWith("SOL connection lost; reconnecting", lines[0], StringComparison.Ordinal);
        Assert.Contains("the SOL connection was lost and not restored within 1 s", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_reconnecting_a_dropped_console_is_one_clear_line_and_exit_1()
    {
        using var cli = new CliHarness();
        await using var device = await ConsoleDevices.StartAsync(echo: true);

        var run = cli.RunAsync("sol", device.Address.ToString(), "--expect", "never-shown", "--timeout", "30", "--reconnect-timeout", "0");
        await ConsoleDevices.EventuallyAsync(() => device.SerialPort.IsAttached, "amt sol never attached");
        device.SimulateManagementEngineReset(TimeSpan.FromSeconds(1));
        var result = await run.WaitAsync(TimeSpan.FromSeconds(40), TestContext.Current.CancellationToken);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"amt: {device.Address}:16994: the device closed the SOL session", result.Error.TrimEnd());
    }
}
