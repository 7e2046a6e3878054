using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Gateway;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Session;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Transport;
using SharpAmt.Transport.Net;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Benchmarks;

/// <summary>
/// The KVM gateway over loopback, all in one process: a simulated AMT 12 device at 1920 × 1080 whose whole screen is
/// animated, the gateway in front of its KVM, and a viewer (KvmSession in 32-bit colour, as a VNC viewer asks). Measures
/// (1) full-screen updates per second the viewer receives, against the device leg's and the animation's rates;
/// (2) bytes of one full frame, RAW against RLE (encoding 16) on the device leg, RAW against ZRLE on the viewer leg,
/// in text mode and on the desktop; (3) the latency the gateway adds: a local pointer move on the still desktop is
/// timed when the gateway's device session has decoded it and when the viewer has, p50/p99 of the difference.
/// Bounded by --seconds per rate run and --moves latency samples; --only latency skips the rates and frame sizes.
/// Twenty addresses from --first-address (127.0.185.1–20 by default).
/// </summary>
internal static class KvmGatewayBenchmark
{
    private static int _nextAddress;
    private static byte[] _firstAddress = [127, 0, 185, 1];

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Arguments.Number(args, "--seconds", 5);
        var rate = Arguments.Number(args, "--rate", 60);
        var moves = Arguments.Number(args, "--moves", 200);
        var viewerEncoding = Arguments.Value(args, "--viewer-encoding", "zrle");
        _firstAddress = IPAddress.Parse(Arguments.Value(args, "--first-address", "127.0.185.1")).GetAddressBytes();
        var only = Arguments.Value(args, "--only", "all");
        Console.WriteLine($"kvm-gateway: 1920×1080, whole screen animated at {rate} fps, {seconds} s per rate run, {moves} latency samples, loopback from {new IPAddress(_firstAddress)}");
        if (only == "latency")
        {
            await LatencyAsync(moves);
            return 0;
        }

        await FrameRatesAsync(seconds, rate, viewerEncoding);
        if (rate < SimulatedScreenOptions.MaxAnimationRate)
        {
            // Again with the animation as fast as the simulator goes, so the pipeline rather than the animation is the limit.
            await FrameRatesAsync(seconds, (int)SimulatedScreenOptions.MaxAnimationRate, viewerEncoding);
        }
        await FrameBytesAsync();
        await LatencyAsync(moves);
        return 0;
    }

    private static async Task FrameRatesAsync(int seconds, int rate, string viewerEncoding)
    {
        await using var device = await StartDeviceAsync(SimulatedScreenOptions.Default with { AnimationRate = rate, AnimatedRegion = new ScreenRegion(0, 0, 1920, 1080) });

        // Direct: one KvmSession to the device, as the gateway's own upstream is.
        await using (var direct = await OpenAsync(Client(device), new KvmSessionOptions()))
        {
            var (updates, elapsed) = await CountUpdatesAsync(direct, seconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  direct KvmSession ({Short(direct.Format)}): {updates / elapsed:F1} updates/s"));
        }

        var deviceLeg = new CountingDialer();
        await using var rig = await GatewayRig.StartAsync(device, Next(), deviceLeg);
        var encodings = viewerEncoding == "raw" ? new[] { 0, -223 } : [16, 0, -223];
        var viewerLeg = new CountingStream.Counter();
        await using var viewer = await rig.ViewerAsync(encodings, viewerLeg);
        var upstream = rig.Screen.Session!;
        await Task.Delay(1000);
        var (upstreamBefore, deviceBytesBefore, viewerBytesBefore) = (upstream.UpdatesReceived, deviceLeg.BytesRead, Interlocked.Read(ref viewerLeg.Read));
        var (viewerUpdates, seconds2) = await CountUpdatesAsync(viewer, seconds);
        var upstreamUpdates = upstream.UpdatesReceived - upstreamBefore;
        var deviceBytes = deviceLeg.BytesRead - deviceBytesBefore;
        var viewerBytes = Interlocked.Read(ref viewerLeg.Read) - viewerBytesBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  through the gateway: device leg {upstreamUpdates / seconds2:F1} updates/s ({deviceBytes / Math.Max(1, upstreamUpdates):N0} bytes each), viewer ({viewerEncoding}, 32-bit) {viewerUpdates / seconds2:F1} updates/s ({viewerBytes / Math.Max(1, viewerUpdates):N0} bytes each); animation {rate} fps"));
    }

    private static async Task FrameBytesAsync()
    {
        foreach (var (name, screen) in new[]
        {
            ("text", SimulatedScreenOptions.Default with { GraphicalDesktop = false, AnimationRate = 0 }),
            ("desktop", SimulatedScreenOptions.Default with { AnimationRate = 0 }),
        })
        {
            await using var device = await StartDeviceAsync(screen);
            foreach (var (label, encodings) in new[] { ("raw", new[] { 0, -223 }), ("rle (16)", new[] { 16, 0, -223 }) })
            {
                var counter = new CountingDialer();
                await using var session = await OpenAsync(Client(device) with { Dialer = counter }, new KvmSessionOptions { Encodings = encodings });
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-7} device→gateway {label,-9} {Short(session.Format)}: {counter.BytesRead,10:N0} bytes for the first full frame (with the ~100-byte handshake)"));
            }

            await using var rig = await GatewayRig.StartAsync(device, Next());
            foreach (var (label, encodings) in new[] { ("raw", new[] { 0, -223 }), ("zrle", new[] { 16, 0, -223 }) })
            {
                var counter = new CountingStream.Counter();
                await using var viewer = await rig.ViewerAsync(encodings, counter);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name,-7} gateway→viewer {label,-9} 32-bit: {counter.Read,10:N0} bytes for the first full frame (with the handshake)"));
            }
        }
    }

    private static async Task LatencyAsync(int moves)
    {
        await using var device = await StartDeviceAsync(SimulatedScreenOptions.Default with { AnimationRate = 0 });
        await using var rig = await GatewayRig.StartAsync(device, Next());
        await using var viewer = await rig.ViewerAsync([16, 0, -223], counter: null);
        var upstream = rig.Screen.Session!;
        var added = new List<double>(moves);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < moves; i++)
        {
            // The pointer's tip is black; alternate between two spots on the plain wallpaper.
            var (x, y) = i % 2 == 0 ? (200, 700) : (1500, 700);
            var upstreamSaw = WhenBlackAsync(upstream, x, y, clock);
            var viewerSaw = WhenBlackAsync(viewer, x, y, clock);
            device.Screen.Pointer(x, y, RfbPointerButtons.None);
            double[] times;
            try
            {
                times = await Task.WhenAll(upstreamSaw, viewerSaw).WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (TimeoutException)
            {
                Console.WriteLine($"STALL move {i}: upstream {upstreamSaw.Status} viewer {viewerSaw.Status}; upstream updates {upstream.UpdatesReceived} viewer updates {viewer.UpdatesReceived}; device v{device.Screen.Version}");
                throw;
            }
            if (i >= 10)
            {
                added.Add(times[1] - times[0]);
            }
        }

        added.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  latency the gateway adds (device session decoded → viewer decoded, pointer move, ZRLE 32-bit): p50 {Percentiles.Of(added, 0.5):F2} ms, p99 {Percentiles.Of(added, 0.99):F2} ms, n={added.Count}"));

        // The standard server captures the whole picture for every update it sends, whatever changed: its floor.
        var capture = new uint[1920 * 1080];
        var copies = new List<double>(50);
        for (var i = 0; i < 50; i++)
        {
            var started = clock.Elapsed.TotalMilliseconds;
            rig.Screen.CopyTo(capture, out _);
            copies.Add(clock.Elapsed.TotalMilliseconds - started);
        }

        copies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  one whole-picture capture from the gateway's screen (what the server does per update): p50 {Percentiles.Of(copies, 0.5):F2} ms"));
    }

    /// <summary>Milliseconds on <paramref name="clock"/> when <paramref name="session"/>'s picture is black at (x, y).</summary>
    private static async Task<double> WhenBlackAsync(KvmSession session, int x, int y, Stopwatch clock)
    {
        for (var round = 0; round < 10_000; round++)
        {
            var version = session.Version;
            if (PixelAt(session, x, y) == 0)
            {
                return clock.Elapsed.TotalMilliseconds;
            }

            await session.WaitForChangeAsync(version, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }

        throw new TimeoutException("the pointer never showed");
    }

    private static uint PixelAt(KvmSession session, int x, int y)
    {
        var pixels = new uint[session.Size.Pixels];
        session.CopyTo(pixels, out var size);
        return pixels[(y * size.Width) + x];
    }

    private static async Task<(long Updates, double Seconds)> CountUpdatesAsync(KvmSession session, int seconds)
    {
        // One second of warm-up, then a counted window.
        await Task.Delay(1000);
        var before = session.UpdatesReceived;
        var watch = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        return (session.UpdatesReceived - before, watch.Elapsed.TotalSeconds);
    }

    private static string Short(RfbPixelFormat format) => format.BitsPerPixel == 8 ? "rgb332" : "rgb565";

    /// <summary>Opens a session, waiting (bounded) while the device still holds the previous one it is closing.</summary>
    private static async Task<KvmSession> OpenAsync(RedirectionClientOptions client, KvmSessionOptions options)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await KvmSession.OpenAsync(client, options);
            }
            catch (RedirectionRefusedException busy) when (busy.IsBusy && watch.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
        }
    }

    private static IPAddress Next()
    {
        // Twenty addresses from --first-address: one per device and gateway started.
        var index = Interlocked.Increment(ref _nextAddress) - 1;
        return index < 20 ? new IPAddress([_firstAddress[0], _firstAddress[1], _firstAddress[2], (byte)(_firstAddress[3] + index)]) : throw new InvalidOperationException("kvm-gateway ran out of addresses");
    }

    private static async Task<SimulatedDevice> StartDeviceAsync(SimulatedScreenOptions screen)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = Next(),
            Firmware = FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
            Console = HostConsoleOptions.Default with { LinePace = TimeSpan.Zero, GrubTimeout = TimeSpan.Zero },
            Screen = screen,
        });
        device.Redirection.ListenerEnabled = true;
        device.Consent.Required = OptIn.RequiredNone;
        await device.StartAsync();
        var watch = Stopwatch.StartNew();
        var wanted = screen.GraphicalDesktop ? ScreenMode.Desktop : ScreenMode.Text;
        while (device.Screen.Mode != wanted || (!screen.GraphicalDesktop && watch.Elapsed < TimeSpan.FromSeconds(1)))
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException("the simulated host never booted");
            }

            await Task.Delay(20);
        }

        return device;
    }

    private static RedirectionClientOptions Client(SimulatedDevice device) => new()
    {
        Host = device.Address.ToString(),
        Credentials = new AmtCredentials(device.Options.User, device.Options.Password),
    };

    /// <summary>The gateway on its own address in front of a device, and viewers connected to it.</summary>
    private sealed class GatewayRig : IAsyncDisposable
    {
        private GatewayRig(KvmGatewayScreen screen, KvmGateway gateway)
        {
            Screen = screen;
            Gateway = gateway;
        }

        public KvmGatewayScreen Screen { get; }

        public KvmGateway Gateway { get; }

        public static async Task<GatewayRig> StartAsync(SimulatedDevice device, IPAddress listen, IConnectionDialer? dialer = null)
        {
            var upstream = await OpenAsync(Client(device) with { Dialer = dialer }, new KvmSessionOptions());
            var screen = new KvmGatewayScreen(upstream, cancellationToken => KvmSession.OpenAsync(Client(device), cancellationToken: cancellationToken));
            return new GatewayRig(screen, KvmGateway.Start(screen, new KvmGatewayOptions { Listen = new IPEndPoint(listen, 0) }));
        }

        public async Task<KvmSession> ViewerAsync(int[] encodings, CountingStream.Counter? counter)
        {
            var endpoint = Gateway.Endpoint!;
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(endpoint);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (counter is not null)
            {
                stream = new CountingStream(stream, counter);
            }

            return await KvmSession.OpenAsync(stream, endpoint.ToString(), new KvmSessionOptions
            {
                Format = RfbPixelFormat.TrueColour32,
                Encodings = encodings,
                TileDialect = RfbTileDialect.Zrle,
            });
        }

        public async ValueTask DisposeAsync()
        {
            await Gateway.DisposeAsync();
            await Screen.DisposeAsync();
        }
    }

    /// <summary>Connects over TCP and counts the bytes the device sends.</summary>
    private sealed class CountingDialer : IConnectionDialer
    {
        private readonly CountingStream.Counter _counter = new();

        public long BytesRead => Interlocked.Read(ref _counter.Read);

        public async Task<Stream> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(IPAddress.Parse(host), port, cancellationToken);
            return new CountingStream(new NetworkStream(socket, ownsSocket: true), _counter);
        }
    }

    /// <summary>A stream that counts what is read through it.</summary>
    private sealed class CountingStream(Stream inner, CountingStream.Counter counter) : Stream
    {
        public sealed class Counter
        {
            public long Read;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }

        private int Count(int read)
        {
            Interlocked.Add(ref counter.Read, read);
            return read;
        }
    }
}
