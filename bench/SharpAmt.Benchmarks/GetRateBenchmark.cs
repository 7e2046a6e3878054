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
/// Get AMT_GeneralSettings per second against one simulated device on loopback: over one keep-alive digest
/// connection, with a new connection per request, and over TLS (keep-alive). With <c>--amt</c> the device is a
/// separate <c>amt sim</c> process, as in real use; without it, it runs in this process.
/// </summary>
internal static class GetRateBenchmark
{
    private const int Warmup = 200;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arguments.Number(args, "--seconds", 5);
        var mode = Arguments.Value(args, "--mode", "all");
        var amt = Arguments.Value(args, "--amt", "");
        var modes = mode == "all" ? ["keep-alive", "new-connection", "tls"] : new[] { mode };
        var address = IPAddress.Parse("127.0.99.1");
        await using var device = amt.Length > 0 ? null : await StartInProcessAsync(address);
        using var process = amt.Length > 0 ? await SimulatorProcess.StartAsync(amt, address) : null;
        Console.WriteLine(amt.Length > 0 ? "device: a separate amt sim process" : "device: in this process");
        foreach (var current in modes)
        {
            await MeasureAsync(address, current, TimeSpan.FromSeconds(seconds));
        }

        return 0;
    }

    private static async Task<SimulatedDevice> StartInProcessAsync(IPAddress address)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions { Address = address, Firmware = FirmwareProfiles.Amt12 });
        await device.StartAsync();
        return device;
    }

    private static async Task MeasureAsync(IPAddress address, string mode, TimeSpan duration)
    {
        var tls = mode == "tls";
        var options = new AmtHttpClientOptions
        {
            Host = address.ToString(),
            Port = tls ? 16993 : 16992,
            UseTls = tls,
            Credentials = new AmtCredentials("admin", SimulatedDeviceOptions.DefaultPassword),
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
