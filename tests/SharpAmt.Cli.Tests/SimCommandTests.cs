using SharpAmt.Simulator;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>amt sim run in-process on 127.0.20.200 and up, the range kept for it.</summary>
public sealed class SimCommandTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Sim_serves_devices_logs_their_events_and_stops_cleanly_on_cancel()
    {
        using var harness = new CliHarness();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new CapturingWriter();
        var sim = harness.RunAsync(["sim", "--count", "3", "--first-address", "127.0.20.200", "--power-delay", "0"], output, stop.Token);

        await WaitForAsync(output, "3 devices ready", sim);
        var lines = output.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (var last = 200; last <= 202; last++)
        {
            Assert.Contains(lines, line => System.Text.RegularExpressions.Regex.IsMatch(line, $@"^ready 127\.0\.20\.{last} AMT 12\.0\.67\.1579 ports 16992,16993,16994,16995,5900 realm Digest:[0-9A-F]{{32}}$"));
        }

        Assert.DoesNotContain(lines, line => line.StartsWith("password:", StringComparison.Ordinal));
        var info = await harness.RunAsync("info", "127.0.20.201");
        var off = await harness.RunAsync("power", "127.0.20.202", "off");
        await WaitForAsync(output, "127.0.20.202 power: power state is now off", sim);

        var clash = await RunSecondSimAsync();

        await stop.CancelAsync();
        var stopped = await sim.WaitAsync(Patience, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, info.ExitCode);
        Assert.Contains("AMT 12.0.67.1579", info.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, off.ExitCode);
        Assert.Equal(ExitCodes.DeviceError, clash.ExitCode);
        Assert.Contains("127.0.20.200:16992: cannot listen", Assert.Single(clash.ErrorLines), StringComparison.Ordinal);
        Assert.Equal($"password: {SimulatedDeviceOptions.DefaultPassword} (default; set AMT_PASSWORD to choose another)", clash.Out.Trim());
        Assert.Equal(ExitCodes.Success, stopped.ExitCode);
        Assert.Empty(stopped.Error);
    }

    /// <summary>Another simulator on an address in use: one line and exit 1. Without AMT_PASSWORD it announces the default.</summary>
    private static async Task<CliResult> RunSecondSimAsync()
    {
        using var harness = new CliHarness();
        harness.Variables.Remove("AMT_PASSWORD");
        return await harness.RunAsync("sim", "--first-address", "127.0.20.200", "--quiet");
    }

    private static async Task WaitForAsync(CapturingWriter output, string text, Task<CliResult> sim)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!output.Text.Contains(text, StringComparison.Ordinal))
        {
            if (sim.IsCompleted)
            {
                Assert.Fail($"amt sim ended early: {await sim}");
            }

            Assert.True(DateTime.UtcNow < deadline, $"'{text}' did not appear; output so far:\n{output.Text}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
