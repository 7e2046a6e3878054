using System.Globalization;
using System.Net;

namespace SharpAmt.Benchmarks;

/// <summary>
/// Time and peak memory of a real <c>amt sim --count N</c> process until it reports every device ready, and
/// the memory each device adds (compared with a one-device run).
/// </summary>
internal static class FleetStartBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var amt = Arguments.Value(args, "--amt", "artifacts/amt/amt.dll");
        var count = Arguments.Number(args, "--count", 1000);
        var first = IPAddress.Parse(Arguments.Value(args, "--first-address", "127.0.100.1"));
        if (!File.Exists(amt))
        {
            Console.Error.WriteLine($"fleet-start: {amt} not found; build the command line first (./amt --help)");
            return 2;
        }

        var (singleReady, singleRss, _) = await MeasureAsync(amt, first, 1);
        var (fleetReady, fleetRss, fleetPeak) = await MeasureAsync(amt, first, count);
        var perDevice = (fleetRss - singleRss) / (double)(count - 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fleet-start 1 device: ready in {singleReady.TotalSeconds:0.00} s, RSS {singleRss / 1024.0:0.0} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fleet-start {count} devices: ready in {fleetReady.TotalSeconds:0.00} s, peak RSS {fleetPeak / 1024.0:0.0} MiB, RSS at ready {fleetRss / 1024.0:0.0} MiB, about {perDevice:0.0} KiB per device"));
        return 0;
    }

    private static async Task<(TimeSpan Ready, long Rss, long Peak)> MeasureAsync(string amt, IPAddress first, int count)
    {
        using var simulator = await SimulatorProcess.StartAsync(amt, first, count);
        // Let start-up garbage settle so the resident size reflects the devices, not the start.
        await Task.Delay(1000);
        var (rss, peak) = simulator.Memory();
        return (simulator.Ready, rss, peak);
    }
}
