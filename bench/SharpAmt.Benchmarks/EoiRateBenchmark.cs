using System.Diagnostics;
using System.Globalization;
using System.Net;
using SharpAmt.Eoi;
using SharpAmt.Simulator;
using SharpAmt.Transport;
using SharpAmt.Transport.Http.Client;

namespace SharpAmt.Benchmarks;

/// <summary>
/// EOI GetSystemPowerState per second against one simulated AMT 8.1 device in a separate <c>amt sim</c> process,
/// with a new TCP connection per request as amttool makes them (the digest challenge is reused under a rising nc,
/// as amttool does after its first request to a path).
/// </summary>
internal static class EoiRateBenchmark
{
    private const int Warmup = 200;
    private const string Firmware = "8.1.71";

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arguments.Number(args, "--seconds", 5);
        var amt = Arguments.Value(args, "--amt", "artifacts/amt/amt.dll");
        var address = IPAddress.Parse(Arguments.Value(args, "--address", "127.0.79.1"));
        if (!File.Exists(amt))
        {
            Console.Error.WriteLine($"eoi-rate: {amt} not found; build the command line first (./amt --help)");
            return 2;
        }

        using var simulator = await SimulatorProcess.StartAsync(amt, address, firmware: Firmware);
        Console.WriteLine($"device: AMT {Firmware} in a separate amt sim process at {address}");
        await using var client = new EoiClient(new AmtHttpClientOptions
        {
            Host = address.ToString(),
            Port = 16992,
            Credentials = new AmtCredentials("admin", SimulatedDeviceOptions.DefaultPassword),
        });
        for (var i = 0; i < Warmup; i++)
        {
            await GetAsync(client);
        }

        var latencies = new List<double>(100_000);
        var opened = client.Http.ConnectionsOpened;
        var duration = TimeSpan.FromSeconds(seconds);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var started = Stopwatch.GetTimestamp();
            await GetAsync(client);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"eoi-rate new-connection {latencies.Count / elapsed,8:0} requests/s  p50 {Percentile(latencies, 0.50):0.000} ms  p99 {Percentile(latencies, 0.99):0.000} ms  ({latencies.Count} requests in {elapsed:0.0} s, {client.Http.ConnectionsOpened - opened} connections)"));
        return 0;
    }

    private static async Task GetAsync(EoiClient client)
    {
        await client.Http.CloseConnectionAsync();
        var state = await client.GetSystemPowerStateAsync();
        if (state != EoiSystemPowerStates.S0)
        {
            throw new InvalidOperationException($"the device reported power state {state}, not S0");
        }
    }

    private static double Percentile(List<double> sorted, double fraction) => sorted[(int)Math.Min(sorted.Count - 1, sorted.Count * fraction)];
}
