using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Ider.Client.Media;
using SharpAmt.Redirection.Ider.Wire;

namespace SharpAmt.Redirection.Tests.Ider.Support;

/// <summary>Runs commands on a disk and collects all their data, as the device would receive it.</summary>
internal static class DiskRunner
{
    public static byte[] Pattern(int length, int seed = 7)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static AtapiDisk Cd(int sectors = 64, int chunk = 8192) =>
        new(AtapiDeviceKind.Cdrom, new IderMemoryImage(Pattern(sectors * 2048)), chunk);

    public static AtapiDisk Floppy(int sectors = 2880) => new(AtapiDeviceKind.Floppy, new IderMemoryImage(Pattern(sectors * 512)));

    /// <summary>A disk that has already reported its medium-changed unit attention.</summary>
    public static AtapiDisk Ready(AtapiDisk disk)
    {
        var (sense, _) = Run(disk, 0x00);
        return sense == AtapiSense.MediumChanged ? disk : throw new InvalidOperationException($"expected 06/28/00, got {sense}");
    }

    public static (AtapiSense Sense, byte[] Data) Run(AtapiDisk disk, params byte[] cdb) => RunAsync(disk, AtapiCdb.Create(cdb)).AsTask().GetAwaiter().GetResult();

    public static async ValueTask<(AtapiSense Sense, byte[] Data)> RunAsync(AtapiDisk disk, AtapiCdb cdb)
    {
        var transfer = await disk.ExecuteAsync(cdb);
        var data = new byte[transfer.DataLength];
        var done = 0;
        for (var turn = 0; transfer.Remaining > 0; turn++)
        {
            if (turn > data.Length)
            {
                throw new InvalidOperationException("the transfer made no progress");
            }

            var chunk = transfer.NextChunkLength;
            if (chunk > disk.MaxChunkSize)
            {
                throw new InvalidOperationException("a chunk exceeded the chunk size");
            }

            done += await transfer.ReadChunkAsync(data.AsMemory(done, chunk));
        }

        return (transfer.Sense, data);
    }

    public static byte[] Read10(uint lba, ushort count) => [0x28, 0, (byte)(lba >> 24), (byte)(lba >> 16), (byte)(lba >> 8), (byte)lba, 0, (byte)(count >> 8), (byte)count, 0];
}
