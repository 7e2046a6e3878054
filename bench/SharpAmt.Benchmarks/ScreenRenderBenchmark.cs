using System.Diagnostics;
using System.Globalization;
using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Benchmarks;

/// <summary>
/// How long the simulated monitor takes to draw one picture into a caller's buffer (SimulatedScreen.CopyTo):
/// text mode (the tty1 login, 720 × 400), and the desktop at 1920 × 1080 and 3840 × 2160 with the clock, the
/// animated region and the typing field. One device in this process, not listening; each case runs a fixed
/// time, and every copy draws a new animation frame (the clock steps 1/60 s per copy).
/// </summary>
internal static class ScreenRenderBenchmark
{
    private const int Warmup = 20;
    private const int MaxCopies = 1_000_000;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arguments.Number(args, "--seconds", 3);
        var address = IPAddress.Parse(Arguments.Value(args, "--address", "127.0.150.1"));
        Console.WriteLine($"screen-render: SimulatedScreen.CopyTo, {seconds} s per case, one device in process");
        Console.WriteLine("case          size        copies  mean ms   p50 ms   p99 ms   copies/s  MPixel/s  alloc B/copy");
        await MeasureAsync("text mode", address, new SimulatedScreenOptions { GraphicalDesktop = false }, ScreenMode.Text, seconds);
        await MeasureAsync("desktop 1080p", address, new SimulatedScreenOptions { Width = 1920, Height = 1080 }, ScreenMode.Desktop, seconds);
        await MeasureAsync("desktop 4K", address, new SimulatedScreenOptions { Width = 3840, Height = 2160 }, ScreenMode.Desktop, seconds);
        return 0;
    }

    private static async Task MeasureAsync(string name, IPAddress address, SimulatedScreenOptions screen, ScreenMode mode, int seconds)
    {
        var clock = new FrameClock();
        await using var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = address,
            HostName = "bench",
            InitialPowerState = CimPowerState.On,
            PowerTransitionDelay = TimeSpan.Zero,
            Console = HostConsoleOptions.Default with { LinePace = TimeSpan.Zero },
            Screen = screen,
            Time = clock,
        });
        var deadline = Stopwatch.StartNew();
        while (device.Screen.Mode != mode && deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(5);
        }

        var size = device.Screen.Size;
        var pixels = new uint[size.Pixels];
        for (var i = 0; i < Warmup; i++)
        {
            clock.Step();
            device.Screen.CopyTo(pixels, out _);
        }

        var samples = new List<double>();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var run = Stopwatch.StartNew();
        while (run.Elapsed < TimeSpan.FromSeconds(seconds) && samples.Count < MaxCopies)
        {
            clock.Step();
            var start = Stopwatch.GetTimestamp();
            device.Screen.CopyTo(pixels, out _);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / Math.Max(1, samples.Count);
        var total = run.Elapsed.TotalSeconds;
        samples.Sort();
        var mean = samples.Average();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-13} {size.Width + "x" + size.Height,-11} {samples.Count,6} {mean,8:0.000} {Percentiles.Of(samples, 0.5),8:0.000} {Percentiles.Of(samples, 0.99),8:0.000} {samples.Count / total,10:0.0} {samples.Count * (double)size.Pixels / total / 1e6,9:0.0} {allocated,13}"));
    }

    /// <summary>A clock that moves one 60 Hz frame each step, so every copy draws a new animation frame.</summary>
    private sealed class FrameClock : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero).UtcTicks;

        public void Step() => Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond / 60);

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
    }
}
