using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Kvm.Server;

namespace SharpAmt.Benchmarks;

/// <summary>
/// The standard RfbServer alone over loopback: a 1920 × 1080 in-memory screen and a bare RFB client that reads the
/// update bytes without decoding them. With an incremental request waiting, the screen changes (one 64 × 64 tile, or
/// every pixel) and the time until the whole FramebufferUpdate has arrived is taken, p50/p99: the server's wake-up,
/// capture, tile comparison, encoding and write. Each case runs with a screen that only copies its whole picture and
/// with one that also reports its changed areas (IRfbChangeTracking, as the gateway's KVM session does), so the server
/// refreshes and compares only those. Bounded by --updates per case. Address --address (127.0.211.1).
/// </summary>
internal static class KvmServerUpdateBenchmark
{
    private const int Width = 1920;
    private const int Height = 1080;

    public static async Task<int> RunAsync(string[] args)
    {
        var updates = Arguments.Number(args, "--updates", 300);
        var address = IPAddress.Parse(Arguments.Value(args, "--address", "127.0.211.1"));
        Console.WriteLine($"kvm-server-update: {Width}×{Height}, standard server, 32-bit, {updates} updates per case, loopback {address}");
        foreach (var (label, encodings) in new[] { ("zrle", new[] { 16, 0 }), ("raw", new[] { 0 }) })
        {
            foreach (var whole in new[] { false, true })
            {
                foreach (var tracked in new[] { false, true })
                {
                    var cases = label == "raw" && whole ? Math.Max(10, updates / 10) : updates;
                    var (p50, p99, bytes) = await MeasureAsync(address, encodings, whole, tracked, cases);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {label,-5} {(whole ? "whole screen" : "one tile"),-12} {(tracked ? "changes reported" : "whole copies"),-16}: p50 {p50:F2} ms, p99 {p99:F2} ms, {bytes:N0} bytes per update, n={cases}"));
                }
            }
        }

        return 0;
    }

    private static async Task<(double P50, double P99, long Bytes)> MeasureAsync(IPAddress address, int[] encodings, bool whole, bool tracked, int count)
    {
        var screen = new MemoryScreen(Width, Height);
        IRfbScreen served = tracked ? new TrackingScreen(screen) : screen;
        using var listener = new TcpListener(address, 0);
        listener.Start();
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            using var accepted = await listener.AcceptTcpClientAsync(stop.Token);
            accepted.NoDelay = true;
            await using var stream = accepted.GetStream();
            var end = await RfbServer.ServeAsync(stream, served, RfbServerOptions.Standard() with { Log = Console.Error.WriteLine }, stop.Token);
            if (!stop.IsCancellationRequested)
            {
                Console.Error.WriteLine($"kvm-server-update: the server ended the connection: {end}");
            }
        });

        using var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint);
        var stream = client.GetStream();
        await HandshakeAsync(stream, encodings);
        await RequestAsync(stream, incremental: false);
        await ReadUpdateAsync(stream, encodings[0]);

        var times = new List<double>(count);
        long bytes = 0;
        var random = new Random(3);
        for (var i = 0; i < count + 5; i++)
        {
            await RequestAsync(stream, incremental: true);
            // Let the server reach its wait for a change, as it has between a viewer's request and the next picture.
            await Task.Delay(5);
            screen.Change(whole, random);
            var started = Stopwatch.GetTimestamp();
            screen.Notify();
            var read = await ReadUpdateAsync(stream, encodings[0]);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (i >= 5)
            {
                times.Add(elapsed);
                bytes += read;
            }
        }

        await stop.CancelAsync();
        client.Close();
        await serving.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        times.Sort();
        return (Percentiles.Of(times, 0.5), Percentiles.Of(times, 0.99), bytes / count);
    }

    private static async Task HandshakeAsync(NetworkStream stream, int[] encodings)
    {
        await ReadExactAsync(stream, 12);
        await stream.WriteAsync("RFB 003.008\n"u8.ToArray());
        var types = await ReadExactAsync(stream, 1);
        await ReadExactAsync(stream, types[0]);
        await stream.WriteAsync(new byte[] { 1 });
        await ReadExactAsync(stream, 4);
        await stream.WriteAsync(new byte[] { 1 });
        var init = await ReadExactAsync(stream, 24);
        await ReadExactAsync(stream, BinaryPrimitives.ReadInt32BigEndian(init.AsSpan(20)));
        var set = new byte[4 + (4 * encodings.Length)];
        set[0] = 2;
        BinaryPrimitives.WriteUInt16BigEndian(set.AsSpan(2), (ushort)encodings.Length);
        for (var i = 0; i < encodings.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(set.AsSpan(4 + (4 * i)), encodings[i]);
        }

        await stream.WriteAsync(set);
    }

    private static async Task RequestAsync(NetworkStream stream, bool incremental)
    {
        var request = new byte[10];
        request[0] = 3;
        request[1] = incremental ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(6), Width);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(8), Height);
        await stream.WriteAsync(request);
    }

    /// <summary>Reads one FramebufferUpdate of RAW or ZRLE rectangles at 4 bytes a pixel; returns its size.</summary>
    private static async Task<long> ReadUpdateAsync(NetworkStream stream, int encoding)
    {
        var header = await ReadExactAsync(stream, 4);
        if (header[0] != 0)
        {
            throw new InvalidOperationException($"kvm-server-update: message {header[0]} instead of an update");
        }

        long total = 4;
        var rectangles = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2));
        for (var i = 0; i < rectangles; i++)
        {
            var rectangle = await ReadExactAsync(stream, 12);
            var width = BinaryPrimitives.ReadUInt16BigEndian(rectangle.AsSpan(4));
            var height = BinaryPrimitives.ReadUInt16BigEndian(rectangle.AsSpan(6));
            int length;
            if (encoding == 16)
            {
                length = BinaryPrimitives.ReadInt32BigEndian(await ReadExactAsync(stream, 4));
                total += 4;
            }
            else
            {
                length = width * height * 4;
            }

            await ReadExactAsync(stream, length);
            total += 12 + length;
        }

        return total;
    }

    private static async Task<byte[]> ReadExactAsync(NetworkStream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }

    /// <summary>A picture in memory whose change notice completes continuations off the changing thread, as KvmSession's does.</summary>
    private sealed class MemoryScreen(int width, int height) : IRfbScreen
    {
        private readonly Lock _sync = new();
        private readonly uint[] _pixels = new uint[width * height];
        private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly RfbChangeLog _changes = new(firstVersion: 1);
        private long _version = 1;

        public RfbScreenSize Size => new(width, height);

        public long Version => Interlocked.Read(ref _version);

        public long CopyTo(Span<uint> destination, out RfbScreenSize size)
        {
            size = Size;
            lock (_sync)
            {
                if (destination.Length >= _pixels.Length)
                {
                    _pixels.CopyTo(destination);
                }

                return _version;
            }
        }

        public async Task WaitForChangeAsync(long version, CancellationToken cancellationToken)
        {
            Task changed;
            lock (_sync)
            {
                if (_version != version)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A noisy 64 × 64 square at a random tile, or the whole picture a new gradient; noticed at <see cref="Notify"/>.</summary>
        public void Change(bool whole, Random random)
        {
            lock (_sync)
            {
                var area = whole ? new RfbRectangle(0, 0, width, height) : default;
                if (whole)
                {
                    var shift = (uint)random.Next(256);
                    for (var y = 0; y < height; y++)
                    {
                        for (var x = 0; x < width; x++)
                        {
                            _pixels[(y * width) + x] = (uint)((((y / 8) + shift) & 0xFF) << 16 | (((x / 8) + shift) & 0xFF) << 8 | ((shift * 7) & 0xFF));
                        }
                    }
                }
                else
                {
                    var left = random.Next(width / 64) * 64;
                    var top = random.Next(height / 64) * 64;
                    area = new RfbRectangle(left, top, 64, 64);
                    for (var y = top; y < top + 64; y++)
                    {
                        for (var x = left; x < left + 64; x++)
                        {
                            _pixels[(y * width) + x] = (uint)random.Next(0x1000000);
                        }
                    }
                }

                _version++;
                _changes.Add(_version, area);
            }
        }

        public bool TryCopyChanges(Span<uint> destination, long since, RfbScreenSize size, ICollection<RfbRectangle> changed, out long version)
        {
            lock (_sync)
            {
                version = _version;
                var areas = new List<RfbRectangle>();
                if (size != Size || !_changes.TryCollect(since, areas))
                {
                    return false;
                }

                foreach (var area in areas)
                {
                    for (var y = area.Y; y < area.Bottom; y++)
                    {
                        _pixels.AsSpan((y * width) + area.X, area.Width).CopyTo(destination[((y * width) + area.X)..]);
                    }

                    changed.Add(area);
                }

                return true;
            }
        }

        public void Notify()
        {
            TaskCompletionSource changed;
            lock (_sync)
            {
                changed = _changed;
                _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            changed.TrySetResult();
        }

        public void Key(uint keysym, bool down)
        {
        }

        public void Pointer(int x, int y, RfbPointerButtons buttons)
        {
        }
    }

    /// <summary>The same picture, also reporting its changed areas.</summary>
    private sealed class TrackingScreen(MemoryScreen screen) : IRfbScreen, IRfbChangeTracking
    {
        public RfbScreenSize Size => screen.Size;

        public long Version => screen.Version;

        public long CopyTo(Span<uint> destination, out RfbScreenSize size) => screen.CopyTo(destination, out size);

        public bool TryCopyChanges(Span<uint> destination, long since, RfbScreenSize size, ICollection<RfbRectangle> changed, out long version) =>
            screen.TryCopyChanges(destination, since, size, changed, out version);

        public Task WaitForChangeAsync(long version, CancellationToken cancellationToken) => screen.WaitForChangeAsync(version, cancellationToken);

        public void Key(uint keysym, bool down) => screen.Key(keysym, down);

        public void Pointer(int x, int y, RfbPointerButtons buttons) => screen.Pointer(x, y, buttons);
    }
}
