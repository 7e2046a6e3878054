using System.Diagnostics;
using System.Globalization;
using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Testing;
using SharpAmt.Transport;
using SharpAmt.Transport.Http.Client;
using SharpAmt.Transport.Relay;
using SharpAmt.WsMan.Client;

namespace SharpAmt.Benchmarks;

/// <summary>
/// The latency an SSH relay adds to each request once its connection is open: the Get of get-rate over one
/// keep-alive connection, directly and through a real sshd on loopback (started here as the relay tests
/// start theirs), alternating request by request so that both see the same machine load.
/// </summary>
internal static class RelayLatencyBenchmark
{
    private const int Warmup = 200;
    private const int MaxRequests = 2_000_000;

    /// <summary>
    /// Requests this slow are counted apart. sshd sets TCP_NODELAY only for interactive sessions, so on a
    /// forwarding-only connection a reply can wait behind a small packet it sent just before (a window adjust,
    /// say) until the client's delayed ACK, 40 ms on Linux: about one request in a hundred, which is the
    /// relayed p99.
    /// </summary>
    private const int StallMilliseconds = 20;

    private static readonly IPAddress Device = IPAddress.Parse("127.0.99.3");
    private static readonly IPAddress Relay = IPAddress.Parse("127.0.99.2");

    public static async Task<int> RunAsync(string[] args)
    {
        if (OpenSshServer.MissingReason is { } missing)
        {
            Console.Error.WriteLine($"relay-latency: {missing}");
            return 2;
        }

        var duration = TimeSpan.FromSeconds(Arguments.Number(args, "--seconds", 5));
        var amt = Arguments.Value(args, "--amt", "");
        await using var device = amt.Length > 0 ? null : await StartInProcessAsync();
        using var process = amt.Length > 0 ? await SimulatorProcess.StartAsync(amt, Device) : null;
        await using var sshd = await OpenSshServer.StartAsync(Relay, CancellationToken.None);
        await using var relay = new SshRelay(SshRelayTarget.Parse(sshd.Target), new SshRelayOptions { ConfigFile = sshd.ClientConfig });
        await using var direct = new WsManClient(Options(null));
        await using var relayed = new WsManClient(Options(relay));
        for (var i = 0; i < Warmup; i++)
        {
            await direct.GetAsync("AMT_GeneralSettings");
            await relayed.GetAsync("AMT_GeneralSettings");
        }

        var directLatencies = new List<double>(100_000);
        var relayedLatencies = new List<double>(100_000);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration && directLatencies.Count < MaxRequests)
        {
            directLatencies.Add(await TimeAsync(direct));
            relayedLatencies.Add(await TimeAsync(relayed));
        }

        Console.WriteLine(amt.Length > 0 ? "device: a separate amt sim process; relay: sshd on loopback" : "device: in this process; relay: sshd on loopback");
        var directStats = Report("direct", directLatencies, direct);
        var relayedStats = Report("via ssh", relayedLatencies, relayed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"relay-latency added   p50 +{relayedStats.P50 - directStats.P50:0.000} ms  p90 +{relayedStats.P90 - directStats.P90:0.000} ms  p99 +{relayedStats.P99 - directStats.P99:0.000} ms  ({relay.SessionsStarted} ssh session)"));
        return 0;
    }

    private static async Task<SimulatedDevice> StartInProcessAsync()
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions { Address = Device, Firmware = FirmwareProfiles.Amt12 });
        await device.StartAsync();
        return device;
    }

    private static AmtHttpClientOptions Options(SshRelay? relay) => new()
    {
        Host = Device.ToString(),
        Port = 16992,
        Credentials = new AmtCredentials("admin", SimulatedDeviceOptions.DefaultPassword),
        Dialer = relay,
    };

    private static async Task<double> TimeAsync(WsManClient client)
    {
        var started = Stopwatch.GetTimestamp();
        await client.GetAsync("AMT_GeneralSettings");
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static (double P50, double P90, double P99) Report(string name, List<double> latencies, WsManClient client)
    {
        latencies.Sort();
        var (p50, p90, p99) = (Percentile(latencies, 0.50), Percentile(latencies, 0.90), Percentile(latencies, 0.99));
        var stalls = latencies.Count(latency => latency >= StallMilliseconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"relay-latency {name,-7} p50 {p50:0.000} ms  p90 {p90:0.000} ms  p99 {p99:0.000} ms  ({latencies.Count} requests, {stalls} over {StallMilliseconds} ms, {client.Http.ConnectionsOpened} connections)"));
        return (p50, p90, p99);
    }

    private static double Percentile(List<double> sorted, double fraction) => sorted[(int)Math.Min(sorted.Count - 1, sorted.Count * fraction)];
}
