using System.Diagnostics;
using System.Globalization;
using System.Net;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Sol;
using SharpAmt.Simulator;
using SharpAmt.Transport;

namespace SharpAmt.Benchmarks;

/// <summary>
/// Keystroke-to-echo latency over SOL against one simulated AMT 12 device in a separate <c>amt sim</c> process
/// on loopback. Mode shell (the default): logged in on the simulated host's serial getty, each key typed at
/// the shell prompt comes back as the line editor's echo. Mode echo: the hidden <c>amt sim --serial-echo</c>
/// sends every keystroke straight back from the serial port, which leaves out the simulated host.
/// </summary>
internal static class SolLatencyBenchmark
{
    private const int Warmup = 200;
    private static readonly TimeSpan EchoLimit = TimeSpan.FromSeconds(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arguments.Number(args, "--seconds", 5);
        var amt = Arguments.Value(args, "--amt", "artifacts/amt/amt.dll");
        var address = IPAddress.Parse(Arguments.Value(args, "--address", "127.0.121.1"));
        var mode = Arguments.Value(args, "--mode", "shell");
        if (mode is not ("shell" or "echo"))
        {
            Console.Error.WriteLine($"sol-latency: --mode is shell or echo, not {mode}");
            return 2;
        }

        if (!File.Exists(amt))
        {
            Console.Error.WriteLine($"sol-latency: {amt} not found; build the command line first (./amt --help)");
            return 2;
        }

        using var simulator = mode == "echo"
            ? await SimulatorProcess.StartAsync(amt, address, 1, "12", "--serial-echo")
            : await SimulatorProcess.StartAsync(amt, address, 1, "12", "--console-pace", "0");
        Console.WriteLine($"device: AMT 12 in a separate amt sim process at {address}, {(mode == "echo" ? "--serial-echo" : "its console's shell (logged in on ttyS1)")}");
        await using var sol = await SolSession.OpenAsync(new RedirectionClientOptions
        {
            Host = address.ToString(),
            Credentials = new AmtCredentials("admin", SimulatedDeviceOptions.DefaultPassword),
        });
        Func<int, Task<TimeSpan>> keystroke;
        if (mode == "shell")
        {
            var shell = new SolShell(sol);
            using var login = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await shell.LogInAsync(login.Token);
            keystroke = async index =>
            {
                using var limit = new CancellationTokenSource(EchoLimit);
                return await shell.KeystrokeAsync(index, limit.Token);
            };
        }
        else
        {
            var key = new byte[1];
            var echo = new byte[16];
            keystroke = index => RoundTripAsync(sol, key, echo, index);
        }

        for (var i = 0; i < Warmup; i++)
        {
            await keystroke(i);
        }

        var latencies = new List<double>(100_000);
        var duration = TimeSpan.FromSeconds(seconds);
        var clock = Stopwatch.StartNew();
        for (var i = 0; clock.Elapsed < duration && latencies.Count < 1_000_000; i++)
        {
            latencies.Add((await keystroke(i)).TotalMilliseconds);
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sol-latency ({mode}) keystroke-to-echo  p50 {Percentiles.Of(latencies, 0.50):0.000} ms  p99 {Percentiles.Of(latencies, 0.99):0.000} ms  max {latencies[^1]:0.000} ms  ({latencies.Count} keystrokes in {elapsed:0.0} s, authenticated with {sol.Authentication})"));
        await sol.CloseAsync();
        return 0;
    }

    /// <summary>Types one printable byte and waits for exactly that byte to come back.</summary>
    private static async Task<TimeSpan> RoundTripAsync(SolSession sol, byte[] key, byte[] echo, int index)
    {
        key[0] = (byte)('a' + index % 26);
        using var limit = new CancellationTokenSource(EchoLimit);
        var started = Stopwatch.GetTimestamp();
        await sol.WriteAsync(key, limit.Token);
        var read = await sol.ReadAsync(echo, limit.Token);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (read != 1 || echo[0] != key[0])
        {
            throw new InvalidOperationException($"expected the echo of '{(char)key[0]}', got {read} bytes");
        }

        return elapsed;
    }
}
