using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Benchmarks;

/// <summary>
/// KVM frame encoding and decoding in one process, no network: whole 1920 × 1080 frames cut into 64 × 64 tiles as
/// the AMT flavour of RfbServer sends them (every tile, as for a non-incremental request), then decoded as
/// KvmSession does. Two pictures: a desktop (flat window areas, title bars, a gradient wallpaper, a photo-like noisy
/// panel, text) and a text-mode console (light glyphs on black). RAW and encoding 16 (stored and zlib) at 16 and 8 bpp,
/// and RAW and standard ZRLE at 32 bpp as the standard server sends ordinary viewers.
/// Bounded by --frames per case. Reports frames per second each way and bytes per frame.
/// </summary>
internal static class KvmEncodeBenchmark
{
    private const int Width = 1920;
    private const int Height = 1080;

    public static Task<int> RunAsync(string[] args)
    {
        var frames = Arguments.Number(args, "--frames", 20);
        Console.WriteLine($"kvm-encode: {Width}×{Height}, {frames} frames per case, 64×64 tiles, one process, no network");
        Console.WriteLine($"{"picture",-8} {"format",-7} {"encoding",-12} {"bytes/frame",12} {"encode fps",11} {"decode fps",11}");
        foreach (var (name, picture) in new[] { ("desktop", Desktop()), ("text", TextMode()) })
        {
            foreach (var format in new[] { RfbPixelFormat.Rgb565, RfbPixelFormat.Rgb332 })
            {
                foreach (var (encoding, compress, label) in new[] { (RfbEncoding.Raw, false, "raw"), (RfbEncoding.AmtRle, false, "rle"), (RfbEncoding.AmtRle, true, "rle+zlib") })
                {
                    Measure(name, picture, format, encoding, compress, label, frames, RfbTileDialect.Amt);
                }
            }

            // What the standard server (the gateway) sends an ordinary viewer in its default 32-bit format.
            Measure(name, picture, RfbPixelFormat.TrueColour32, RfbEncoding.Raw, false, "raw", frames, RfbTileDialect.Zrle);
            Measure(name, picture, RfbPixelFormat.TrueColour32, RfbEncoding.AmtRle, true, "zrle", frames, RfbTileDialect.Zrle);
        }

        return Task.FromResult(0);
    }

    private static void Measure(string name, uint[] picture, RfbPixelFormat format, RfbEncoding encoding, bool compress, string label, int frames, RfbTileDialect dialect)
    {
        using var encoder = new RfbRectangleEncoder(format, encoding, dialect) { Compress = compress };
        using var decoder = new RfbRectangleDecoder(format, dialect);
        var frame = new RfbFrameBuffer(Width, Height);
        var output = new ArrayBufferWriter<byte>(Width * Height * 4);
        var encoded = new List<byte[]>(frames);

        // One frame first to warm the JIT; not counted.
        Encode(encoder, picture, output);
        Decode(decoder, format, output.WrittenSpan.ToArray(), frame);

        var watch = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < frames; i++)
        {
            Encode(encoder, picture, output);
            bytes += output.WrittenCount;
            encoded.Add(output.WrittenSpan.ToArray());
        }

        var encodeSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        foreach (var update in encoded)
        {
            Decode(decoder, format, update, frame);
        }

        var decodeSeconds = watch.Elapsed.TotalSeconds;
        for (var i = 0; i < picture.Length; i++)
        {
            if (frame.Pixels[i] != format.Quantize(picture[i]))
            {
                throw new InvalidOperationException($"kvm-encode: {name} {label} decoded wrongly at pixel {i}");
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-8} {(format.BitsPerPixel switch { 16 => "rgb565", 8 => "rgb332", _ => "true32" }),-7} {label,-12} {bytes / frames,12:N0} {frames / encodeSeconds,11:F1} {frames / decodeSeconds,11:F1}"));
    }

    private static void Encode(RfbRectangleEncoder encoder, uint[] picture, ArrayBufferWriter<byte> output)
    {
        output.ResetWrittenCount();
        var tiles = (Width + 63) / 64 * ((Height + 63) / 64);
        RfbServerMessageWriter.WriteUpdateHeader(output, tiles);
        for (var y = 0; y < Height; y += 64)
        {
            for (var x = 0; x < Width; x += 64)
            {
                encoder.Write(output, picture, Width, new RfbRectangle(x, y, Math.Min(64, Width - x), Math.Min(64, Height - y)));
            }
        }
    }

    private static void Decode(RfbRectangleDecoder decoder, RfbPixelFormat format, byte[] update, RfbFrameBuffer frame)
    {
        var reader = new RfbServerMessageReader(format);
        var sequence = new SequenceReader<byte>(new ReadOnlySequence<byte>(update));
        while (reader.TryRead(ref sequence, out var item))
        {
            if (item.Kind == RfbServerItemKind.Rectangle)
            {
                decoder.Decode(item.Area, item.Encoding, item.Payload, frame);
            }
        }
    }

    /// <summary>A desktop: gradient wallpaper, two windows with title bars and text lines, a noisy photo panel, a task bar.</summary>
    private static uint[] Desktop()
    {
        var random = new Random(1);
        var pixels = new uint[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                pixels[(y * Width) + x] = (uint)((20 + (y * 60 / Height)) << 16 | (60 + (y * 80 / Height)) << 8 | (120 + (x * 100 / Width)));
            }
        }

        Window(pixels, 100, 80, 900, 600, random);
        Window(pixels, 700, 300, 1000, 650, random);
        for (var y = 400; y < 700; y++)
        {
            for (var x = 760; x < 1160; x++)
            {
                pixels[(y * Width) + x] = (uint)random.Next(0x1000000);
            }
        }

        Rect(pixels, 0, Height - 40, Width, 40, 0x202020);
        return pixels;
    }

    private static void Window(uint[] pixels, int left, int top, int width, int height, Random random)
    {
        Rect(pixels, left, top, width, 30, 0x3060C0);
        Rect(pixels, left, top + 30, width, height - 30, 0xF0F0F0);
        for (var line = top + 50; line + 12 < top + height; line += 20)
        {
            var length = random.Next(width / 4, width - 40);
            for (var y = line; y < line + 12; y++)
            {
                for (var x = left + 20; x < left + 20 + length; x++)
                {
                    if (random.Next(3) == 0)
                    {
                        pixels[(y * Width) + x] = 0x101010;
                    }
                }
            }
        }
    }

    /// <summary>A text console: 9 × 16 character cells, light gray glyph-like dots on black, some lines empty.</summary>
    private static uint[] TextMode()
    {
        var random = new Random(2);
        var pixels = new uint[Width * Height];
        for (var row = 0; row < Height / 16; row++)
        {
            var length = row % 4 == 3 ? 0 : random.Next(20, Width / 9);
            for (var column = 0; column < length; column++)
            {
                var glyph = random.Next();
                for (var y = 2; y < 14; y++)
                {
                    for (var x = 1; x < 8; x++)
                    {
                        if (((glyph >> ((y * 3) + x) % 31) & 1) != 0)
                        {
                            pixels[(((row * 16) + y) * Width) + (column * 9) + x] = 0xAAAAAA;
                        }
                    }
                }
            }
        }

        return pixels;
    }

    private static void Rect(uint[] pixels, int left, int top, int width, int height, uint colour)
    {
        for (var y = top; y < Math.Min(Height, top + height); y++)
        {
            pixels.AsSpan((y * Width) + left, Math.Min(width, Width - left)).Fill(colour);
        }
    }
}
