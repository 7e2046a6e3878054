using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Ider.Client.Media;
using SharpAmt.Redirection.Ider.Device;
using SharpAmt.Redirection.Session;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Transport;
using SharpAmt.Redirection.Tests.Ider.Support;

namespace SharpAmt.Benchmarks;

/// <summary>
/// IDE-R read throughput. First over a real redirection session on loopback: a simulated AMT 12 device on
/// 127.0.108.1 (in this process, the simulator's own IDE-R device side and port) and the IDE-R client serving a CD
/// image from disk through its read-ahead; the simulated host boots from it and reads it whole in 1 MiB READ(10)s,
/// so every command is a 0x50 on the wire and every answer 8 KiB 0x54 chunks cut from the TCP stream. Then, as a
/// second line, the same host and disk in one process without a network. Bounded by the image size. Reports MB/s
/// with and without the host's SHA-256, and managed bytes allocated per MiB served.
/// </summary>
internal static class IderThroughputBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mebibytes = Arguments.Number(args, "--mib", 512);
        var chunk = Arguments.Number(args, "--chunk", 8192);
        var readSize = Arguments.Number(args, "--read-size", 1 << 20);
        var batch = Arguments.Number(args, "--batch", 256 * 1024);
        var address = IPAddress.Parse(Arguments.Value(args, "--address", "127.0.108.1"));
        var given = Arguments.Value(args, "--image", "");
        var path = given.Length > 0 ? given : Path.Combine(Path.GetTempPath(), $"sharpamt-ider-bench-{Environment.ProcessId}.iso");
        try
        {
            if (given.Length == 0)
            {
                await WriteImageAsync(path, (long)mebibytes << 20);
            }

            var size = new FileInfo(path).Length >> 20;
            await using (var device = new SimulatedDevice(new SimulatedDeviceOptions
            {
                Address = address,
                Console = new HostConsoleOptions { Enabled = false },
                PowerTransitionDelay = TimeSpan.Zero,
            }))
            {
                await device.StartAsync();
                Console.WriteLine($"ider-throughput: {size} MiB image on disk, {readSize >> 10} KiB READ(10)s, over a redirection session on {address}:16994 (loopback TCP), {batch >> 10} KiB client write batches");
                foreach (var hash in new[] { false, true, false })
                {
                    await MeasureOverLoopbackAsync(device, path, readSize, batch, hash);
                }
            }

            Console.WriteLine($"ider-throughput: the same host and disk in one process, no network, {chunk}-byte 0x54 chunks");
            foreach (var hash in new[] { false, true })
            {
                await MeasureInProcessAsync(path, chunk, readSize, hash);
            }

            return 0;
        }
        finally
        {
            if (given.Length == 0)
            {
                File.Delete(path);
            }
        }
    }

    private static async Task MeasureOverLoopbackAsync(SimulatedDevice device, string path, int readSize, int batch, bool hash)
    {
        await using var image = IderImageFile.Open(path, AtapiDeviceKind.Cdrom);
        var client = new RedirectionClientOptions
        {
            Host = device.Address.ToString(),
            Credentials = new AmtCredentials(device.Options.User, device.Options.Password),
        };
        await using var session = await IderSession.OpenAsync(client, new IderSessionOptions { Cdrom = image, WriteBatchSize = batch });
        var host = new SimulatedAtapiHost(device.IderDrives.CommandSender(IderHostDrive.Cdrom), new SimulatedAtapiHostOptions { ReadSize = readSize, ComputeHash = hash });
        await ReportAsync(hash ? "with SHA-256   " : "transfer only  ", () => host.BootCdAsync());
        await session.CloseAsync();
    }

    private static async Task MeasureInProcessAsync(string path, int chunk, int readSize, bool hash)
    {
        await using var image = IderImageFile.Open(path, AtapiDeviceKind.Cdrom);
        var disk = new AtapiDisk(AtapiDeviceKind.Cdrom, image, chunk);
        var link = new InProcessIderLink(new IderCommandResponder(disk, null));
        var host = new SimulatedAtapiHost(link.SendAsync, new SimulatedAtapiHostOptions { ReadSize = readSize, ComputeHash = hash });
        await ReportAsync(hash ? "with SHA-256   " : "transfer only  ", () => host.BootCdAsync());
    }

    private static async Task ReportAsync(string label, Func<Task<AtapiHostReport>> boot)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var report = await boot();
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var megabytes = report.BytesRead / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label} {megabytes / clock.Elapsed.TotalSeconds,8:F0} MB/s  ({report.BytesRead >> 20} MiB in {clock.Elapsed.TotalSeconds:F2} s, {report.Commands} commands, {allocated / (double)(report.BytesRead >> 20):F0} bytes allocated per MiB, both sides)"));
    }

    /// <summary>An image the host can boot: pseudo-random sectors with an ISO 9660 primary volume descriptor and terminator at 16 and 17.</summary>
    private static async Task WriteImageAsync(string path, long length)
    {
        var block = new byte[1 << 20];
        new Random(1).NextBytes(block);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous);
        for (var written = 0L; written < length; written += block.Length)
        {
            if (written == 0)
            {
                var first = (byte[])block.Clone();
                Descriptor(first.AsSpan(16 * 2048, 2048), 1);
                Descriptor(first.AsSpan(17 * 2048, 2048), 255);
                await file.WriteAsync(first);
                continue;
            }

            block[0]++;
            await file.WriteAsync(block.AsMemory(0, (int)Math.Min(block.Length, length - written)));
        }
    }

    private static void Descriptor(Span<byte> sector, byte type)
    {
        sector.Clear();
        sector[0] = type;
        Encoding.ASCII.GetBytes("CD001", sector[1..6]);
        sector[6] = 1;
        if (type == 1)
        {
            Encoding.ASCII.GetBytes("IDER_BENCH".PadRight(32), sector[40..72]);
        }
    }
}
