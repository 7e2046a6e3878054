using System.Diagnostics;
using System.Globalization;
using System.Net;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Sol;
using SharpAmt.Simulator;
using SharpAmt.Transport;

namespace SharpAmt.Benchmarks;

/// <summary>
/// Keystroke-to-echo latency over SOL: one byte typed (0x28), the same byte back from the host's serial port
/// (0x2A), against one simulated AMT 12 device in a separate <c>amt sim --serial-echo</c> process on loopback.
/// </summary>
internal static class SolLatencyBenchmark
{
    private const int Warmup = 200;
    private static readonly TimeSpan EchoLimit = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arguments.Number(args, "--seconds", 5);
        var amt = Arguments.Value(args, "--amt", "artifacts/amt/amt.dll");
        var address = IPAddress.Parse(Arguments.Value(args, "--address", "127.0.94.1"));
        if (!File.Exists(amt))
        {
            Console.Error.WriteLine($"sol-latency: {amt} not found; build the command line first (./amt --help)");
            return 2;
        }

        using var simulator = await SimulatorProcess.StartAsync(amt, address, 1, "12", "--serial-echo");
        Console.WriteLine($"device: AMT 12 in a separate amt sim --serial-echo process at {address}");
        await using var sol = await SolSession.OpenAsync(new RedirectionClientOptions
        {
            Host = address.ToString(),
            Credentials = new AmtCredentials("admin", SimulatedDeviceOptions.DefaultPassword),
        });
        var key = new byte[1];
        var echo = new byte[16];
        for (var i = 0; i < Warmup; i++)
        {
            await RoundTripAsync(sol, key, echo, i);
        }

        var latencies = new List<double>(100_000);
        var duration = TimeSpan.FromSeconds(seconds);
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < duration && latencies.Count < 1_000_000; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await RoundTripAsync(sol, key, echo, i);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sol-latency keystroke-to-echo  p50 {Percentile(latencies, 0.50):0.000} ms  p99 {Percentile(latencies, 0.99):0.000} ms  ({latencies.Count} keystrokes in {elapsed:0.0} s, authenticated with {sol.Authentication})"));
        await sol.CloseAsync();
        return 0;
    }

    /// <summary>Types one printable byte and waits for exactly that byte to come back.</summary>
    private static async Task RoundTripAsync(SolSession sol, byte[] key, byte[] echo, int index)
    {
        key[0] = (byte)('a' + index % 26);
        using var limit = new CancellationTokenSource(EchoLimit);
        await sol.WriteAsync(key, limit.Token);
        var read = await sol.ReadAsync(echo, limit.Token);
        if (read != 1 || echo[0] != key[0])
        {
            throw new InvalidOperationException($"expected the echo of '{(char)key[0]}', got {read} bytes");
        }
    }

    private static double Percentile(List<double> sorted, double fraction) => sorted[(int)Math.Min(sorted.Count - 1, sorted.Count * fraction)];
}
