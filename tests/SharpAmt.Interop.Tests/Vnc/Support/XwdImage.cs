using System.Buffers.Binary;
using System.Numerics;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// An X window dump (the XWD format <c>xwd</c> writes, file version 7) read into 0x00RRGGBB pixels. The header is
/// 25 big-endian 32-bit fields and the window name; then the colour map entries (12 bytes each); then the rows,
/// <c>bytes_per_line</c> apart, pixels in the header's byte order. Only TrueColor dumps of 24 or 32 bits a pixel
/// are read: that is what Xvfb's 24-bit screen gives, and anything else would mean the test set it up wrong.
/// </summary>
internal static class XwdImage
{
    private const int HeaderFields = 25;
    private const int ColourEntrySize = 12;
    private const uint ZPixmap = 2;
    private const uint TrueColor = 4;

    public static RgbImage Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < HeaderFields * 4)
        {
            throw new InvalidDataException($"an XWD file is at least {HeaderFields * 4} bytes, this one {file.Length}");
        }

        var headerSize = Field(file, 0);
        var version = Field(file, 1);
        var format = Field(file, 2);
        var width = (int)Field(file, 4);
        var height = (int)Field(file, 5);
        var msbFirst = Field(file, 7) == 1;
        var bitsPerPixel = (int)Field(file, 11);
        var bytesPerLine = (int)Field(file, 12);
        var visualClass = Field(file, 13);
        var (redMask, greenMask, blueMask) = (Field(file, 14), Field(file, 15), Field(file, 16));
        var colours = (int)Field(file, 19);
        if (version != 7 || format != ZPixmap || visualClass != TrueColor || bitsPerPixel is not (24 or 32))
        {
            throw new InvalidDataException($"XWD version {version}, format {format}, visual class {visualClass}, {bitsPerPixel} bpp: only version 7 TrueColor ZPixmaps of 24 or 32 bpp are read");
        }

        var pixelsStart = (long)headerSize + (colours * ColourEntrySize);
        if (file.Length < pixelsStart + ((long)bytesPerLine * height))
        {
            throw new InvalidDataException($"the XWD file is {file.Length} bytes, short of {pixelsStart + ((long)bytesPerLine * height)} for {width}×{height}");
        }

        var bytes = bitsPerPixel / 8;
        var pixels = new uint[width * height];
        for (var y = 0; y < height; y++)
        {
            var row = file.Slice((int)pixelsStart + (y * bytesPerLine), bytesPerLine);
            for (var x = 0; x < width; x++)
            {
                var cell = row.Slice(x * bytes, bytes);
                uint value = 0;
                for (var i = 0; i < bytes; i++)
                {
                    value |= (uint)cell[msbFirst ? bytes - 1 - i : i] << (8 * i);
                }

                pixels[(y * width) + x] = (Channel(value, redMask) << 16) | (Channel(value, greenMask) << 8) | Channel(value, blueMask);
            }
        }

        return new RgbImage(width, height, pixels);
    }

    private static uint Field(ReadOnlySpan<byte> file, int index) => BinaryPrimitives.ReadUInt32BigEndian(file[(index * 4)..]);

    /// <summary>The channel under <paramref name="mask"/>, scaled to 8 bits (Xvfb's are already 8 bits wide).</summary>
    private static uint Channel(uint value, uint mask)
    {
        var shift = BitOperations.TrailingZeroCount(mask);
        var bits = BitOperations.PopCount(mask);
        var level = (value & mask) >> shift;
        return bits >= 8 ? level >> (bits - 8) : (uint)(((level * 255) + (((1 << bits) - 1) / 2)) / ((1 << bits) - 1));
    }
}
