using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace SharpAmt.Benchmarks;

/// <summary>A real <c>amt sim</c> process serving simulated devices, stopped when disposed.</summary>
internal sealed class SimulatorProcess : IDisposable
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromMinutes(5);

    private SimulatorProcess(Process process, TimeSpan ready)
    {
        Process = process;
        Ready = ready;
    }

    public Process Process { get; }

    /// <summary>Time from start until every device reported ready.</summary>
    public TimeSpan Ready { get; }

    /// <param name="firmware">The devices' firmware (<c>--firmware</c>); null keeps amt sim's default.</param>
    /// <param name="extra">More <c>amt sim</c> arguments, such as the hidden <c>--serial-echo</c>.</param>
    public static async Task<SimulatorProcess> StartAsync(string amt, IPAddress first, int count = 1, string? firmware = null, params string[] extra)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { amt, "sim", "--count", count.ToString(CultureInfo.InvariantCulture), "--first-address", first.ToString(), "--power-delay", "0", "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in extra)
        {
            start.ArgumentList.Add(argument);
        }

        if (firmware is not null)
        {
            start.ArgumentList.Add("--firmware");
            start.ArgumentList.Add(firmware);
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(ReadyLimit);
        var expected = count == 1 ? "1 device ready" : $"{count} devices ready";
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith(expected, StringComparison.Ordinal))
            {
                return new SimulatorProcess(process, clock.Elapsed);
            }
        }

        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        process.Dispose();
        throw new InvalidOperationException("amt sim ended before its devices were ready: " + error);
    }

    /// <summary>VmRSS and VmHWM (peak resident set) of the process, in KiB, from /proc.</summary>
    public (long Rss, long Peak) Memory()
    {
        long rss = 0, peak = 0;
        foreach (var line in File.ReadLines($"/proc/{Process.Id}/status"))
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

    public void Dispose()
    {
        Process.Kill(entireProcessTree: true);
        Process.WaitForExit();
        Process.Dispose();
    }
}
