using System.Diagnostics;
using System.Globalization;
using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport;
using SharpAmt.Transport.Http.Client;
using SharpAmt.Transport.Tls;
using SharpAmt.WsMan.Client;

namespace SharpAmt.Benchmarks;

/// <summary>
/// Get AMT_GeneralSettings per second against one simulated device on loopback, client and device in one
/// process on the same cores: over one keep-alive digest connection, with a new connection per request, and
/// over TLS (keep-alive).
/// </summary>
internal static class GetRateBenchmark
{
    private const int Warmup = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arguments.Number(args, "--seconds", 5);
        var mode = Arguments.Value(args, "--mode", "all");
        var modes = mode == "all" ? ["keep-alive", "new-connection", "tls"] : new[] { mode };
        foreach (var current in modes)
        {
            await MeasureAsync(current, TimeSpan.FromSeconds(seconds));
        }

        return 0;
    }

    private static async Task MeasureAsync(string mode, TimeSpan duration)
    {
        var tls = mode == "tls";
        await using var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = IPAddress.Parse("127.0.99.1"),
            Firmware = FirmwareProfiles.Amt12,
        });
        await device.StartAsync();
        var options = new AmtHttpClientOptions
        {
            Host = device.Address.ToString(),
            Port = tls ? device.Options.TlsPort : device.Options.HttpPort,
            UseTls = tls,
            Credentials = new AmtCredentials(device.Options.User, device.Options.Password),
            Tls = new TlsClientOptions { Mode = TlsTrustMode.Insecure },
        };
        await using var client = new WsManClient(options);
        for (var i = 0; i < Warmup; i++)
        {
            await GetAsync(client, mode);
        }

        var latencies = new List<double>(100_000);
        var clock = Stopwatch.StartNew();
        var opened = client.Http.ConnectionsOpened;
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            await GetAsync(client, mode);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"get-rate {mode,-14} {latencies.Count / elapsed,8:0} requests/s  p50 {Percentile(latencies, 0.50):0.000} ms  p99 {Percentile(latencies, 0.99):0.000} ms  ({latencies.Count} requests in {elapsed:0.0} s, {client.Http.ConnectionsOpened - opened} connections)"));
    }

    private static async Task GetAsync(WsManClient client, string mode)
    {
        if (mode == "new-connection")
        {
            await client.Http.CloseConnectionAsync();
        }

        await client.GetAsync("AMT_GeneralSettings");
    }

    private static double Percentile(List<double> sorted, double fraction) => sorted[(int)Math.Min(sorted.Count - 1, sorted.Count * fraction)];
}
