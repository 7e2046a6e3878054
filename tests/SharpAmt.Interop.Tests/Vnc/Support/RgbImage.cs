namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>A picture as 0x00RRGGBB pixels, row-major: what a viewer showed, or what a device's monitor holds.</summary>
internal sealed record RgbImage(int Width, int Height, uint[] Pixels)
{
    public uint this[int x, int y] => Pixels[(y * Width) + x];

    /// <summary>The part at (<paramref name="x"/>, <paramref name="y"/>) of the given size.</summary>
    public RgbImage Crop(int x, int y, int width, int height)
    {
        if (x < 0 || y < 0 || x + width > Width || y + height > Height)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"{width}×{height}+{x}+{y} does not lie within {Width}×{Height}");
        }

        var pixels = new uint[width * height];
        for (var row = 0; row < height; row++)
        {
            Pixels.AsSpan(((y + row) * Width) + x, width).CopyTo(pixels.AsSpan(row * width));
        }

        return new RgbImage(width, height, pixels);
    }

    /// <summary>Each pixel mapped, e.g. quantised to a viewer's pixel format.</summary>
    public RgbImage Select(Func<uint, uint> map) => this with { Pixels = Array.ConvertAll(Pixels, pixel => map(pixel)) };

    /// <summary>The picture as a binary PPM, to look at when a comparison fails.</summary>
    public byte[] ToPpm()
    {
        var header = System.Text.Encoding.ASCII.GetBytes($"P6\n{Width} {Height}\n255\n");
        var bytes = new byte[header.Length + (Pixels.Length * 3)];
        header.CopyTo(bytes, 0);
        for (var i = 0; i < Pixels.Length; i++)
        {
            bytes[header.Length + (i * 3)] = (byte)(Pixels[i] >> 16);
            bytes[header.Length + (i * 3) + 1] = (byte)(Pixels[i] >> 8);
            bytes[header.Length + (i * 3) + 2] = (byte)Pixels[i];
        }

        return bytes;
    }

    /// <summary>How many pixels differ, and the first one that does, for failure messages.</summary>
    public (int Count, string First) Differences(RgbImage other)
    {
        if (other.Width != Width || other.Height != Height)
        {
            return (int.MaxValue, $"sizes differ: {Width}×{Height} vs {other.Width}×{other.Height}");
        }

        var count = 0;
        var first = "";
        for (var i = 0; i < Pixels.Length; i++)
        {
            if (Pixels[i] != other.Pixels[i])
            {
                if (count++ == 0)
                {
                    first = $"({i % Width}, {i / Width}): {Pixels[i]:X6} vs {other.Pixels[i]:X6}";
                }
            }
        }

        return (count, first);
    }

    /// <summary>The largest difference of any one channel between the two pictures (for lossy copies).</summary>
    public int LargestChannelDifference(RgbImage other)
    {
        if (other.Width != Width || other.Height != Height)
        {
            return int.MaxValue;
        }

        var largest = 0;
        for (var i = 0; i < Pixels.Length; i++)
        {
            for (var shift = 0; shift <= 16; shift += 8)
            {
                largest = Math.Max(largest, Math.Abs((int)((Pixels[i] >> shift) & 0xFF) - (int)((other.Pixels[i] >> shift) & 0xFF)));
            }
        }

        return largest;
    }

    /// <summary>The mean absolute difference per channel (for lossy copies, where single pixels ring near edges).</summary>
    public double MeanChannelDifference(RgbImage other)
    {
        if (other.Width != Width || other.Height != Height)
        {
            return double.MaxValue;
        }

        long sum = 0;
        for (var i = 0; i < Pixels.Length; i++)
        {
            for (var shift = 0; shift <= 16; shift += 8)
            {
                sum += Math.Abs((int)((Pixels[i] >> shift) & 0xFF) - (int)((other.Pixels[i] >> shift) & 0xFF));
            }
        }

        return (double)sum / (Pixels.Length * 3);
    }
}
