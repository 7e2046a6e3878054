namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// Encodes one tile (at most 64 × 64) of pixel values in AMT's encoding-16 tile format, choosing the smallest
/// sub-encoding: solid for one colour, packed palette for 2–16 colours when rows end on a byte boundary (MeshCommander
/// unpacks without per-row padding, so only then do both readings agree), palette RLE up to 127 colours, plain RLE,
/// or raw. One instance per connection: it keeps its scratch tables.
/// </summary>
public sealed class AmtRleTileEncoder
{
    public const int MaxTileSide = 64;
    public const int MaxPaletteRleColours = 127;
    public const int MaxPackedPaletteColours = 16;

    private readonly Dictionary<uint, int> _indexes = new(MaxPaletteRleColours + 1);
    private readonly uint[] _palette = new uint[MaxPaletteRleColours];

    /// <summary>Forces one sub-encoding when the tile allows it (tests and benches); otherwise the smallest is used.</summary>
    public AmtRleTileKind Force { get; set; }

    /// <summary>Bytes a tile can take at most, whatever is chosen or forced.</summary>
    public static int MaxEncodedSize(int width, int height, int bytesPerPixel) =>
        1 + (MaxPaletteRleColours * bytesPerPixel) + (width * height * (bytesPerPixel + 1));

    /// <summary>Writes the tile to <paramref name="destination"/> with full pixels (AMT) and returns the byte count.</summary>
    /// <param name="pixels">width × height pixel values of <paramref name="format"/>, row-major.</param>
    public int Encode(ReadOnlySpan<uint> pixels, int width, int height, RfbPixelFormat format, Span<byte> destination) =>
        Encode(pixels, width, height, new RfbTilePixels(format, Compact: false), destination);

    /// <summary>Writes the tile with pixels spelled as <paramref name="format"/> says (full, or ZRLE's CPIXELs).</summary>
    public int Encode(ReadOnlySpan<uint> pixels, int width, int height, RfbTilePixels format, Span<byte> destination)
    {
        if (width is < 1 or > MaxTileSide || height is < 1 or > MaxTileSide || pixels.Length < width * height)
        {
            throw new ArgumentException($"a tile is 1–64 × 1–64 pixels, not {width} × {height}");
        }

        pixels = pixels[..(width * height)];
        var bpp = format.Size;
        var colours = CountColours(pixels, out var runs, out var plainRleSize, out var paletteRleRunBytes);
        var bits = colours <= 2 ? 1 : colours <= 4 ? 2 : 4;
        var packedFits = colours is >= 2 and <= MaxPackedPaletteColours && width * bits % 8 == 0;

        var rawSize = 1 + (pixels.Length * bpp);
        var packedSize = packedFits ? 1 + (colours * bpp) + ((pixels.Length * bits) + 7) / 8 : int.MaxValue;
        var paletteRleSize = colours is >= 2 and <= MaxPaletteRleColours ? 1 + (colours * bpp) + paletteRleRunBytes : int.MaxValue;

        var kind = Force switch
        {
            AmtRleTileKind.Raw => AmtRleTileKind.Raw,
            AmtRleTileKind.Solid when colours == 1 => AmtRleTileKind.Solid,
            AmtRleTileKind.PackedPalette when packedFits => AmtRleTileKind.PackedPalette,
            AmtRleTileKind.PlainRle => AmtRleTileKind.PlainRle,
            AmtRleTileKind.PaletteRle when paletteRleSize != int.MaxValue => AmtRleTileKind.PaletteRle,
            _ => colours == 1 ? AmtRleTileKind.Solid : Smallest(rawSize, packedSize, 1 + (runs * bpp) + plainRleSize, paletteRleSize),
        };

        return kind switch
        {
            AmtRleTileKind.Solid => WriteSolid(pixels[0], format, destination),
            AmtRleTileKind.PackedPalette => WritePacked(pixels, colours, bits, format, destination),
            AmtRleTileKind.PlainRle => WritePlainRle(pixels, format, destination),
            AmtRleTileKind.PaletteRle => WritePaletteRle(pixels, colours, format, destination),
            _ => WriteRaw(pixels, format, destination),
        };
    }

    private static AmtRleTileKind Smallest(int raw, int packed, int plainRle, int paletteRle)
    {
        var kind = AmtRleTileKind.Raw;
        var best = raw;
        if (packed < best)
        {
            (kind, best) = (AmtRleTileKind.PackedPalette, packed);
        }

        if (paletteRle < best)
        {
            (kind, best) = (AmtRleTileKind.PaletteRle, paletteRle);
        }

        if (plainRle < best)
        {
            kind = AmtRleTileKind.PlainRle;
        }

        return kind;
    }

    /// <summary>RLE length bytes for a run: run − 1 as 255s and a last byte below 255.</summary>
    private static int RunLengthBytes(int run) => ((run - 1) / 255) + 1;

    /// <summary>
    /// Distinct colours (counting stops above 127, returning 128), runs, and the byte counts of the two RLE forms
    /// (plain RLE without its sub-encoding byte and pixels, palette RLE without sub-encoding byte and palette).
    /// </summary>
    private int CountColours(ReadOnlySpan<uint> pixels, out int runs, out int plainRleSize, out int paletteRleRunBytes)
    {
        _indexes.Clear();
        runs = 0;
        plainRleSize = 0;
        paletteRleRunBytes = 0;
        for (var i = 0; i < pixels.Length;)
        {
            var value = pixels[i];
            var end = i + 1;
            while (end < pixels.Length && pixels[end] == value)
            {
                end++;
            }

            var run = end - i;
            runs++;
            var lengthBytes = RunLengthBytes(run);
            plainRleSize += lengthBytes;
            paletteRleRunBytes += run == 1 ? 1 : 1 + lengthBytes;
            if (_indexes.Count <= MaxPaletteRleColours && !_indexes.ContainsKey(value))
            {
                if (_indexes.Count < MaxPaletteRleColours)
                {
                    _palette[_indexes.Count] = value;
                }

                _indexes[value] = _indexes.Count;
            }

            i = end;
        }

        return _indexes.Count;
    }

    private static int WriteSolid(uint pixel, RfbTilePixels format, Span<byte> destination)
    {
        destination[0] = 1;
        format.Write(destination[1..], pixel);
        return 1 + format.Size;
    }

    private static int WriteRaw(ReadOnlySpan<uint> pixels, RfbTilePixels format, Span<byte> destination)
    {
        destination[0] = 0;
        var bpp = format.Size;
        var at = 1;
        foreach (var pixel in pixels)
        {
            format.Write(destination[at..], pixel);
            at += bpp;
        }

        return at;
    }

    private int WritePalette(int colours, RfbTilePixels format, Span<byte> destination, byte subencoding)
    {
        destination[0] = subencoding;
        var at = 1;
        for (var i = 0; i < colours; i++)
        {
            format.Write(destination[at..], _palette[i]);
            at += format.Size;
        }

        return at;
    }

    private int WritePacked(ReadOnlySpan<uint> pixels, int colours, int bits, RfbTilePixels format, Span<byte> destination)
    {
        var at = WritePalette(colours, format, destination, (byte)colours);
        int current = 0, filled = 0;
        foreach (var pixel in pixels)
        {
            current = (current << bits) | _indexes[pixel];
            filled += bits;
            if (filled == 8)
            {
                destination[at++] = (byte)current;
                current = 0;
                filled = 0;
            }
        }

        if (filled > 0)
        {
            destination[at++] = (byte)(current << (8 - filled));
        }

        return at;
    }

    private static int WriteRunLength(int run, Span<byte> destination)
    {
        var at = 0;
        var rest = run - 1;
        while (rest >= 255)
        {
            destination[at++] = 255;
            rest -= 255;
        }

        destination[at++] = (byte)rest;
        return at;
    }

    private static int WritePlainRle(ReadOnlySpan<uint> pixels, RfbTilePixels format, Span<byte> destination)
    {
        destination[0] = 128;
        var at = 1;
        for (var i = 0; i < pixels.Length;)
        {
            var end = i + 1;
            while (end < pixels.Length && pixels[end] == pixels[i])
            {
                end++;
            }

            format.Write(destination[at..], pixels[i]);
            at += format.Size;
            at += WriteRunLength(end - i, destination[at..]);
            i = end;
        }

        return at;
    }

    private int WritePaletteRle(ReadOnlySpan<uint> pixels, int colours, RfbTilePixels format, Span<byte> destination)
    {
        var at = WritePalette(colours, format, destination, (byte)(128 + colours));
        for (var i = 0; i < pixels.Length;)
        {
            var end = i + 1;
            while (end < pixels.Length && pixels[end] == pixels[i])
            {
                end++;
            }

            var index = (byte)_indexes[pixels[i]];
            if (end - i == 1)
            {
                destination[at++] = index;
            }
            else
            {
                destination[at++] = (byte)(index | 0x80);
                at += WriteRunLength(end - i, destination[at..]);
            }

            i = end;
        }

        return at;
    }
}
