using System.Diagnostics;
using System.Globalization;
using System.Text;
using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Ider.Client.Media;
using SharpAmt.Redirection.Ider.Device;
using SharpAmt.Redirection.Tests.Ider.Support;

namespace SharpAmt.Benchmarks;

/// <summary>
/// IDE-R read throughput end to end in one process, no network yet: the simulated host boots from a CD image on
/// disk and reads it whole in 1 MiB READ(10)s; every command goes through the codec as a 0x50 and every answer
/// comes back as 0x54 chunks of the device's read buffer size, served by the disk through the read-ahead. Bounded
/// by the image size. Reports MB/s with and without the host's SHA-256, and managed bytes allocated per MiB served.
/// </summary>
internal static class IderThroughputBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var mebibytes = Arguments.Number(args, "--mib", 512);
        var chunk = Arguments.Number(args, "--chunk", 8192);
        var readSize = Arguments.Number(args, "--read-size", 1 << 20);
        var given = Arguments.Value(args, "--image", "");
        var path = given.Length > 0 ? given : Path.Combine(Path.GetTempPath(), $"sharpamt-ider-bench-{Environment.ProcessId}.iso");
        try
        {
            if (given.Length == 0)
            {
                await WriteImageAsync(path, (long)mebibytes << 20);
            }

            Console.WriteLine($"ider-throughput: {new FileInfo(path).Length >> 20} MiB image on disk, {chunk}-byte 0x54 chunks, {readSize >> 10} KiB READ(10)s, in process (no network)");
            foreach (var hash in new[] { false, true, false })
            {
                await MeasureAsync(path, chunk, readSize, hash);
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

    private static async Task MeasureAsync(string path, int chunk, int readSize, bool hash)
    {
        await using var image = IderImageFile.Open(path, AtapiDeviceKind.Cdrom);
        var disk = new AtapiDisk(AtapiDeviceKind.Cdrom, image, chunk);
        var link = new InProcessIderLink(new IderCommandResponder(disk, null));
        var host = new SimulatedAtapiHost(link.SendAsync, new SimulatedAtapiHostOptions { ReadSize = readSize, ComputeHash = hash });
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var report = await host.BootCdAsync();
        clock.Stop();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        var megabytes = report.BytesRead / 1e6;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {(hash ? "with SHA-256   " : "transfer only  ")} {megabytes / clock.Elapsed.TotalSeconds,8:F0} MB/s  ({report.BytesRead >> 20} MiB in {clock.Elapsed.TotalSeconds:F2} s, {report.Commands} commands, {allocated / (double)(report.BytesRead >> 20):F0} bytes allocated per MiB)"));
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
