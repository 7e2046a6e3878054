using System.Net;
using System.Text.RegularExpressions;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// <c>amt kvm HOST --listen…</c> running in process until stopped: started, waited for until it announces where viewers
/// connect, then stopped as Ctrl-C would stop it.
/// </summary>
internal sealed partial class KvmGatewayRun : IDisposable
{
    private readonly CancellationTokenSource _stop;

    private KvmGatewayRun(Task<CliResult> running, CapturingWriter output, CancellationTokenSource stop, string announced)
    {
        Running = running;
        Output = output;
        _stop = stop;
        Announced = announced;
    }

    public Task<CliResult> Running { get; }

    public CapturingWriter Output { get; }

    /// <summary>What the announcement named: the TCP endpoint, or the noVNC URL for <see cref="WebSocketUrl"/>.</summary>
    public string Announced { get; }

    public IPEndPoint Endpoint => IPEndPoint.Parse(Announced);

    /// <summary>Starts <c>amt kvm</c> with <paramref name="args"/> (after "kvm") and waits for the line <paramref name="announcement"/> matches.</summary>
    public static async Task<KvmGatewayRun> StartAsync(CliHarness harness, IReadOnlyList<string> args, Regex? announcement = null)
    {
        announcement ??= ListeningOn();
        var output = new CapturingWriter();
        var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var running = harness.RunAsync(["kvm", .. args], output, stop.Token);
        await KvmActionDevices.EventuallyAsync(() => announcement.IsMatch(output.Text) || running.IsCompleted, "the gateway never said where viewers connect");
        Assert.False(running.IsCompleted, running.IsCompleted ? (await running).ToString() : "");
        return new KvmGatewayRun(running, output, stop, announcement.Match(output.Text).Groups[1].Value);
    }

    /// <summary>Stops it and returns how it ended.</summary>
    public async Task<CliResult> StopAsync()
    {
        await _stop.CancelAsync();
        return await Running.WaitAsync(KvmActionDevices.Patience, CancellationToken.None);
    }

    public void Dispose() => _stop.Dispose();

    [GeneratedRegex(@"listening on (\S+):")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"noVNC: (ws://\S+?);")]
    public static partial Regex WebSocketUrl();
}
