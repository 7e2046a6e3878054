using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Redirection.Kvm.Imaging;

/// <summary>
/// Writes a picture of 0x00RRGGBB pixels as a PNG (8-bit truecolour, no alpha, not interlaced): the exact pixels,
/// so a screenshot can be compared with the frame buffer it came from. Rows use filter "Sub", which shrinks flat
/// screen areas a lot at almost no cost.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Encodes <paramref name="pixels"/> (row-major, <paramref name="size"/>.Pixels long at least) and writes it to <paramref name="destination"/>.</summary>
    public static async Task WriteAsync(Stream destination, ReadOnlyMemory<uint> pixels, RfbScreenSize size, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var bytes = Encode(pixels.Span, size);
        await destination.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The whole PNG file in memory.</summary>
    public static byte[] Encode(ReadOnlySpan<uint> pixels, RfbScreenSize size)
    {
        if (size.Width <= 0 || size.Height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), $"a PNG needs at least one pixel, not {size.Width}×{size.Height}");
        }

        if (pixels.Length < size.Pixels)
        {
            throw new ArgumentException($"{pixels.Length} pixels do not fill {size.Width}×{size.Height}", nameof(pixels));
        }

        using var file = new MemoryStream();
        file.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, size.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], size.Height);
        header[8] = 8; // bits per channel
        header[9] = 2; // truecolour
        header[10] = 0; // deflate
        header[11] = 0; // adaptive filtering
        header[12] = 0; // not interlaced
        WriteChunk(file, "IHDR", header);
        WriteChunk(file, "IDAT", Compress(pixels, size));
        WriteChunk(file, "IEND", []);
        return file.ToArray();
    }

    private static byte[] Compress(ReadOnlySpan<uint> pixels, RfbScreenSize size)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + (size.Width * 3)];
            row[0] = 1; // filter Sub: each byte minus the same channel of the pixel to its left
            for (var y = 0; y < size.Height; y++)
            {
                var line = pixels.Slice(y * size.Width, size.Width);
                uint left = 0;
                for (var x = 0; x < line.Length; x++)
                {
                    var pixel = line[x];
                    var at = 1 + (x * 3);
                    row[at] = (byte)((pixel >> 16) - (left >> 16));
                    row[at + 1] = (byte)((pixel >> 8) - (left >> 8));
                    row[at + 2] = (byte)(pixel - left);
                    left = pixel;
                }

                zlib.Write(row);
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream file, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        file.Write(word);
        Span<byte> name = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, name);
        file.Write(name);
        file.Write(data);
        var crc = PngCrc32.Finish(PngCrc32.Update(PngCrc32.Update(PngCrc32.Start, name), data));
        BinaryPrimitives.WriteUInt32BigEndian(word, crc);
        file.Write(word);
    }
}
