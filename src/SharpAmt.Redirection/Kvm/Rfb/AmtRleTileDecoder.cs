namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// Decodes tiles of encoding 16 into 0x00RRGGBB pixels: every sub-encoding of reference §6.6.4. AMT's tiles carry
/// full pixels and packed palette indices without per-row padding (as MeshCommander reads them); standard ZRLE's carry
/// CPIXELs and pad each packed row to a byte.
/// </summary>
public static class AmtRleTileDecoder
{
    /// <summary>
    /// Decodes the tiles of one rectangle (64 × 64 tiles, row-major, as many as the rectangle holds; AMT sends one) from
    /// <paramref name="data"/> into <paramref name="frame"/>, a row-major picture <paramref name="stride"/> pixels wide.
    /// Returns the bytes used.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> data, RfbRectangle area, RfbPixelConverter converter, Span<uint> frame, int stride) =>
        Decode(data, area, converter, compactPixels: false, frame, stride);

    /// <summary>As above, with ZRLE's CPIXELs when <paramref name="compactPixels"/> (standard servers).</summary>
    public static int Decode(ReadOnlySpan<byte> data, RfbRectangle area, RfbPixelConverter converter, bool compactPixels, Span<uint> frame, int stride)
    {
        var pixels = new RfbTilePixels(converter.Format, compactPixels);
        var at = 0;
        for (var y = area.Y; y < area.Bottom; y += AmtRleTileEncoder.MaxTileSide)
        {
            for (var x = area.X; x < area.Right; x += AmtRleTileEncoder.MaxTileSide)
            {
                var tile = new RfbRectangle(x, y, Math.Min(AmtRleTileEncoder.MaxTileSide, area.Right - x), Math.Min(AmtRleTileEncoder.MaxTileSide, area.Bottom - y));
                at += DecodeTile(data[at..], tile, converter, pixels, frame, stride);
            }
        }

        return at;
    }

    private static int DecodeTile(ReadOnlySpan<byte> data, RfbRectangle tile, RfbPixelConverter converter, RfbTilePixels format, Span<uint> frame, int stride)
    {
        var bpp = format.Size;
        var count = tile.Width * tile.Height;
        var cursor = new Cursor(data, tile, frame, stride);
        var sub = cursor.Byte();
        Span<uint> palette = stackalloc uint[AmtRleTileEncoder.MaxPaletteRleColours];
        switch (sub)
        {
            case 0:
                for (var i = 0; i < count; i++)
                {
                    cursor.Put(converter.Unpack(format.Read(cursor.Take(bpp))), 1);
                }

                break;
            case 1:
                cursor.Put(converter.Unpack(format.Read(cursor.Take(bpp))), count);
                break;
            case >= 2 and <= 16:
            {
                var bits = sub == 2 ? 1 : sub <= 4 ? 2 : 4;
                ReadPalette(ref cursor, palette[..sub], converter, format);
                // Standard ZRLE pads every row to a byte; AMT's tiles as MeshCommander reads them do not.
                var rowBits = format.Compact ? ((tile.Width * bits) + 7) / 8 * 8 : tile.Width * bits;
                var packed = cursor.Take(((rowBits * tile.Height) + 7) / 8);
                var mask = (1 << bits) - 1;
                for (var i = 0; i < count; i++)
                {
                    var bit = (i / tile.Width * rowBits) + (i % tile.Width * bits);
                    var index = (packed[bit >> 3] >> (8 - bits - (bit & 7))) & mask;
                    cursor.Put(index < sub ? palette[index] : Malformed($"packed palette index {index} of {sub}"), 1);
                }

                break;
            }

            case 128:
                while (cursor.Written < count)
                {
                    var colour = converter.Unpack(format.Read(cursor.Take(bpp)));
                    cursor.Put(colour, cursor.RunLength());
                }

                break;
            case >= 130:
            {
                var size = sub - 128;
                ReadPalette(ref cursor, palette[..size], converter, format);
                while (cursor.Written < count)
                {
                    var entry = cursor.Byte();
                    var index = entry & 0x7F;
                    var colour = index < size ? palette[index] : Malformed($"palette RLE index {index} of {size}");
                    cursor.Put(colour, (entry & 0x80) != 0 ? cursor.RunLength() : 1);
                }

                break;
            }

            default:
                Malformed($"tile sub-encoding {sub}");
                break;
        }

        return cursor.Position;
    }

    private static void ReadPalette(scoped ref Cursor cursor, scoped Span<uint> palette, RfbPixelConverter converter, RfbTilePixels format)
    {
        for (var i = 0; i < palette.Length; i++)
        {
            palette[i] = converter.Unpack(format.Read(cursor.Take(format.Size)));
        }
    }

    private static uint Malformed(string detail) => throw new RfbProtocolException(RfbRejectReason.MalformedRectangle, detail);

    /// <summary>Reads the tile's bytes and writes its pixels in order, refusing to run past either end.</summary>
    private ref struct Cursor(ReadOnlySpan<byte> data, RfbRectangle tile, Span<uint> frame, int stride)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private readonly Span<uint> _frame = frame;

        public int Position { get; private set; }

        public int Written { get; private set; }

        public byte Byte() => Take(1)[0];

        public ReadOnlySpan<byte> Take(int count)
        {
            if (Position + count > _data.Length)
            {
                Malformed("tile data ends early");
            }

            var slice = _data.Slice(Position, count);
            Position += count;
            return slice;
        }

        public int RunLength()
        {
            var run = 1;
            byte length;
            do
            {
                length = Byte();
                run += length;
            }
            while (length == 255);
            return run;
        }

        public void Put(uint colour, int run)
        {
            if (Written + run > tile.Width * tile.Height)
            {
                Malformed("run goes past the end of the tile");
            }

            while (run > 0)
            {
                var column = Written % tile.Width;
                var row = Written / tile.Width;
                var span = Math.Min(run, tile.Width - column);
                _frame.Slice(((tile.Y + row) * stride) + tile.X + column, span).Fill(colour);
                Written += span;
                run -= span;
            }
        }
    }
}
