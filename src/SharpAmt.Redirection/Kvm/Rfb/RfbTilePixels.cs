namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// How tile data spells one pixel. AMT's encoding 16 uses full pixels (reference §6.6.4); standard ZRLE (RFC 6143
/// §7.7.6) uses CPIXELs: 3 bytes instead of 4 for 32-bit true colour whose colour bits all sit in the 3 least or 3 most
/// significant bytes.
/// </summary>
public readonly record struct RfbTilePixels(RfbPixelFormat Format, bool Compact)
{
    /// <summary>Bytes one pixel takes in tile data.</summary>
    public int Size => Compact && CompactOffset(Format) >= 0 ? 3 : Format.BytesPerPixel;

    public void Write(Span<byte> destination, uint pixel)
    {
        var offset = Compact ? CompactOffset(Format) : -1;
        if (offset < 0)
        {
            Format.WritePixel(destination, pixel);
            return;
        }

        Span<byte> full = stackalloc byte[4];
        Format.WritePixel(full, pixel);
        full.Slice(offset, 3).CopyTo(destination);
    }

    public uint Read(ReadOnlySpan<byte> source)
    {
        var offset = Compact ? CompactOffset(Format) : -1;
        if (offset < 0)
        {
            return Format.ReadPixel(source);
        }

        Span<byte> full = stackalloc byte[4];
        full.Clear();
        source[..3].CopyTo(full[offset..]);
        return Format.ReadPixel(full);
    }

    /// <summary>Where the 3 CPIXEL bytes sit inside the 4-byte wire pixel; −1 when a CPIXEL is a whole pixel.</summary>
    private static int CompactOffset(RfbPixelFormat format)
    {
        if (format.BitsPerPixel != 32 || format.Depth > 24 || !format.TrueColour)
        {
            return -1;
        }

        var used = ((uint)format.RedMax << format.RedShift) | ((uint)format.GreenMax << format.GreenShift) | ((uint)format.BlueMax << format.BlueShift);
        var lowThree = (used & 0xFF00_0000) == 0;
        var highThree = (used & 0x0000_00FF) == 0;
        return lowThree ? (format.BigEndian ? 1 : 0)
            : highThree ? (format.BigEndian ? 0 : 1)
            : -1;
    }
}
