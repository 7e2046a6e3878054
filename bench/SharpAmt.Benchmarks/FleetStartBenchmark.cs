using System.Diagnostics;
using System.Globalization;

namespace SharpAmt.Benchmarks;

/// <summary>
/// Time and peak memory of a real <c>amt sim --count N</c> process until it reports every device ready, and
/// the memory each device adds (compared with a one-device run).
/// </summary>
internal static class FleetStartBenchmark
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(string[] args)
    {
        var amt = Arguments.Value(args, "--amt", "artifacts/amt/amt.dll");
        var count = Arguments.Number(args, "--count", 1000);
        var first = Arguments.Value(args, "--first-address", "127.0.100.1");
        if (!File.Exists(amt))
        {
            Console.Error.WriteLine($"fleet-start: {amt} not found; build the command line first (./amt --help)");
            return 2;
        }

        var single = await MeasureAsync(amt, 1, first);
        var fleet = await MeasureAsync(amt, count, first);
        var perDevice = (fleet.RssAtReadyKb - single.RssAtReadyKb) / (double)(count - 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fleet-start 1 device: ready in {single.Ready.TotalSeconds:0.00} s, RSS {single.RssAtReadyKb / 1024.0:0.0} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fleet-start {count} devices: ready in {fleet.Ready.TotalSeconds:0.00} s, peak RSS {fleet.PeakRssKb / 1024.0:0.0} MiB, RSS at ready {fleet.RssAtReadyKb / 1024.0:0.0} MiB, about {perDevice:0.0} KiB per device"));
        return 0;
    }

    private static async Task<(TimeSpan Ready, long RssAtReadyKb, long PeakRssKb)> MeasureAsync(string amt, int count, string first)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { amt, "sim", "--count", count.ToString(CultureInfo.InvariantCulture), "--first-address", first, "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Limit);
        var expected = $"{count} devices ready";
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(expected, StringComparison.Ordinal) || count == 1 && line.StartsWith("1 device ready", StringComparison.Ordinal))
                {
                    var ready = clock.Elapsed;
                    await Task.Delay(500, timeout.Token);
                    var (rss, peak) = Memory(process.Id);
                    return (ready, rss, peak);
                }
            }

            throw new InvalidOperationException("amt sim ended before its devices were ready: " + await process.StandardError.ReadToEndAsync(timeout.Token));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    /// <summary>VmRSS and VmHWM (peak resident set) of a process, in KiB, from /proc.</summary>
    private static (long Rss, long Peak) Memory(int pid)
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
            else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
        }

        return (rss, peak);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
}
