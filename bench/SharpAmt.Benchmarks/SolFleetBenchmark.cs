using System.Diagnostics;
using System.Globalization;
using System.Net;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Sol;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Fleet;
using SharpAmt.Transport;

namespace SharpAmt.Benchmarks;

/// <summary>
/// Many SOL sessions at once: one per device of a separate <c>amt sim --count N</c> process (AMT 12, console at
/// full speed), all logged in on their serial getty, each typing one key every interval at its shell prompt
/// for the run's duration. Reports keystroke-to-echo latency over all keys and per session (the worst session's
/// p50, p99 and maximum), the fewest keys any session got answered, and memory of both processes.
/// </summary>
internal static class SolFleetBenchmark
{
    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan EchoLimit = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arguments.Number(args, "--seconds", 10);
        var count = Arguments.Number(args, "--count", 100);
        var interval = TimeSpan.FromMilliseconds(Arguments.Number(args, "--interval-ms", 20));
        var amt = Arguments.Value(args, "--amt", "artifacts/amt/amt.dll");
        var first = IPAddress.Parse(Arguments.Value(args, "--first-address", "127.0.120.1"));
        if (count is < 1 or > 1000 || interval <= TimeSpan.Zero || seconds is < 1 or > 600)
        {
            Console.Error.WriteLine("sol-fleet: --count 1..1000, --interval-ms above 0, --seconds 1..600");
            return 2;
        }

        if (!File.Exists(amt))
        {
            Console.Error.WriteLine($"sol-fleet: {amt} not found; build the command line first (./amt --help)");
            return 2;
        }

        using var simulator = await SimulatorProcess.StartAsync(amt, first, count, "12", "--console-pace", "0");
        var (idleRss, _) = simulator.Memory();
        var clientBefore = ClientMemory();
        Console.WriteLine($"devices: {count} x AMT 12 in one amt sim process from {first}, ready in {simulator.Ready.TotalSeconds:0.0} s");

        var addresses = LoopbackAddresses.Sequence(first, count);
        var opening = Stopwatch.StartNew();
        using var setup = new CancellationTokenSource(StepLimit);
        var sessions = await Task.WhenAll(addresses.Select(address => SolSession.OpenAsync(new RedirectionClientOptions
        {
            Host = address.ToString(),
            Credentials = new AmtCredentials("admin", SimulatedDeviceOptions.DefaultPassword),
            ReplyTimeout = StepLimit,
        }, cancellationToken: setup.Token)));
        var opened = opening.Elapsed;
        try
        {
            var shells = sessions.Select(session => new SolShell(session)).ToArray();
            await Task.WhenAll(shells.Select(shell => shell.LogInAsync(setup.Token)));
            var loggedIn = opening.Elapsed;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count} SOL sessions open (digest login) in {opened.TotalSeconds:0.00} s, logged in on their getty after {loggedIn.TotalSeconds:0.00} s"));

            var duration = TimeSpan.FromSeconds(seconds);
            var perSession = await Task.WhenAll(shells.Select((shell, index) => TypeAsync(shell, index, interval, duration)));
            var (clientRss, clientHeap) = ClientMemory();
            var (simulatorRss, simulatorPeak) = simulator.Memory();

            var all = perSession.SelectMany(latencies => latencies).ToList();
            all.Sort();
            foreach (var latencies in perSession)
            {
                latencies.Sort();
            }

            var worstP50 = perSession.Max(latencies => Percentiles.Of(latencies, 0.50));
            var worstP99 = perSession.Max(latencies => Percentiles.Of(latencies, 0.99));
            var fewest = perSession.Min(latencies => latencies.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sol-fleet keystroke-to-echo, all {all.Count} keys: p50 {Percentiles.Of(all, 0.50):0.000} ms  p99 {Percentiles.Of(all, 0.99):0.000} ms  max {all[^1]:0.000} ms  ({count} sessions, one key every {interval.TotalMilliseconds:0} ms each, {seconds} s)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sol-fleet per session: worst p50 {worstP50:0.000} ms  worst p99 {worstP99:0.000} ms  fewest keys answered {fewest} (of about {seconds * 1000 / interval.TotalMilliseconds:0})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sol-fleet memory: client RSS {clientRss / 1024.0:0.0} MiB (before sessions {clientBefore.Rss / 1024.0:0.0} MiB), client managed heap {clientHeap / 1048576.0:0.0} MiB; simulator RSS {simulatorRss / 1024.0:0.0} MiB (idle {idleRss / 1024.0:0.0} MiB, peak {simulatorPeak / 1024.0:0.0} MiB), {(simulatorRss - idleRss) / (double)count:0} KiB per session"));
        }
        finally
        {
            using var closing = new CancellationTokenSource(StepLimit);
            await Task.WhenAll(sessions.Select(session => session.CloseAsync(closing.Token)));
        }

        return 0;
    }

    private static async Task<List<double>> TypeAsync(SolShell shell, int index, TimeSpan interval, TimeSpan duration)
    {
        var latencies = new List<double>((int)(duration / interval) + 1);
        // Staggered starts, so the sessions do not type in lockstep.
        await Task.Delay(TimeSpan.FromTicks(interval.Ticks * (index % 10) / 10));
        using var timer = new PeriodicTimer(interval);
        var clock = Stopwatch.StartNew();
        for (var key = 0; clock.Elapsed < duration && key < 1_000_000; key++)
        {
            using var limit = new CancellationTokenSource(EchoLimit);
            latencies.Add((await shell.KeystrokeAsync(key, limit.Token)).TotalMilliseconds);
            await timer.WaitForNextTickAsync();
        }

        return latencies;
    }

    /// <summary>This process's resident set (KiB, from /proc) and managed heap (bytes, after a full collection).</summary>
    private static (long Rss, long Heap) ClientMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        long rss = 0;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        return (rss, GC.GetTotalMemory(forceFullCollection: true));
    }
}
