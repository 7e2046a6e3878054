using System.Buffers.Binary;

namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// The RFB pixel format (RFC 6143 §7.4, reference §6.6.2–6.6.3): 16 bytes on the wire. Only true colour is
/// supported; a gray format is a true-colour one whose green and blue maxima are 0 (AMT 16+), the level living in
/// the red field. Pixels of 2 or 4 bytes are written in the byte order of <see cref="BigEndian"/>.
/// </summary>
public readonly record struct RfbPixelFormat(
    byte BitsPerPixel,
    byte Depth,
    bool BigEndian,
    bool TrueColour,
    ushort RedMax,
    ushort GreenMax,
    ushort BlueMax,
    byte RedShift,
    byte GreenShift,
    byte BlueShift)
{
    public const int WireSize = 16;

    /// <summary>AMT's default (reference §6.6.2): 16 bpp, 5-6-5, little-endian.</summary>
    public static RfbPixelFormat Rgb565 { get; } = new(16, 16, false, true, 31, 63, 31, 11, 5, 0);

    /// <summary>5-6-5 with big-endian pixels, as some viewers ask for.</summary>
    public static RfbPixelFormat Rgb565BigEndian { get; } = Rgb565 with { BigEndian = true };

    /// <summary>16 bpp, 5-5-5 (depth 15).</summary>
    public static RfbPixelFormat Rgb555 { get; } = new(16, 15, false, true, 31, 31, 31, 10, 5, 0);

    /// <summary>8 bpp, 3-3-2: what clients pick when 16 bpp exceeds AMT's frame-buffer cap.</summary>
    public static RfbPixelFormat Rgb332 { get; } = new(8, 8, false, true, 7, 7, 3, 5, 2, 0);

    /// <summary>8 bpp gray, 256 levels (AMT 16+ with GrayscalePixelFormatSupported).</summary>
    public static RfbPixelFormat Gray8 { get; } = new(8, 8, false, true, 255, 0, 0, 0, 0, 0);

    /// <summary>8 bpp carrying 16 gray levels (depth 4, AMT 16+).</summary>
    public static RfbPixelFormat Gray4 { get; } = new(8, 4, false, true, 15, 0, 0, 0, 0, 0);

    /// <summary>32 bpp, 8 bits a channel, little-endian: what standard VNC viewers expect by default.</summary>
    public static RfbPixelFormat TrueColour32 { get; } = new(32, 24, false, true, 255, 255, 255, 16, 8, 0);

    public int BytesPerPixel => BitsPerPixel / 8;

    /// <summary>Green and blue carry nothing: the red field holds a gray level.</summary>
    public bool IsGray => GreenMax == 0 && BlueMax == 0;

    /// <summary>What this library can encode and decode: true colour at 8, 16 or 32 bpp with fields inside the pixel.</summary>
    public bool IsSupported =>
        TrueColour && BitsPerPixel is 8 or 16 or 32 && RedMax > 0
        && FitsIn(RedMax, RedShift) && FitsIn(GreenMax, GreenShift) && FitsIn(BlueMax, BlueShift);

    public static RfbPixelFormat Read(ReadOnlySpan<byte> source) => new(
        source[0],
        source[1],
        source[2] != 0,
        source[3] != 0,
        BinaryPrimitives.ReadUInt16BigEndian(source[4..]),
        BinaryPrimitives.ReadUInt16BigEndian(source[6..]),
        BinaryPrimitives.ReadUInt16BigEndian(source[8..]),
        source[10],
        source[11],
        source[12]);

    public void Write(Span<byte> destination)
    {
        destination[0] = BitsPerPixel;
        destination[1] = Depth;
        destination[2] = BigEndian ? (byte)1 : (byte)0;
        destination[3] = TrueColour ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], RedMax);
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], GreenMax);
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], BlueMax);
        destination[10] = RedShift;
        destination[11] = GreenShift;
        destination[12] = BlueShift;
        destination[13] = 0;
        destination[14] = 0;
        destination[15] = 0;
    }

    /// <summary>The pixel value for a 0x00RRGGBB colour (gray formats take the luma).</summary>
    public uint Pack(uint rgb)
    {
        uint r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
        if (IsGray)
        {
            return Scale(Luma(r, g, b), RedMax) << RedShift;
        }

        return (Scale(r, RedMax) << RedShift) | (Scale(g, GreenMax) << GreenShift) | (Scale(b, BlueMax) << BlueShift);
    }

    /// <summary>The 0x00RRGGBB colour of a pixel value.</summary>
    public uint Unpack(uint pixel)
    {
        var r = Expand((pixel >> RedShift) & RedMax, RedMax);
        if (IsGray)
        {
            return (r << 16) | (r << 8) | r;
        }

        var g = Expand((pixel >> GreenShift) & GreenMax, GreenMax);
        var b = Expand((pixel >> BlueShift) & BlueMax, BlueMax);
        return (r << 16) | (g << 8) | b;
    }

    /// <summary>The colour a viewer shows after the colour went through this format.</summary>
    public uint Quantize(uint rgb) => Unpack(Pack(rgb));

    public void WritePixel(Span<byte> destination, uint pixel)
    {
        switch (BitsPerPixel)
        {
            case 8:
                destination[0] = (byte)pixel;
                break;
            case 16 when BigEndian:
                BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)pixel);
                break;
            case 16:
                BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)pixel);
                break;
            default:
                if (BigEndian)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(destination, pixel);
                }
                else
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(destination, pixel);
                }

                break;
        }
    }

    public uint ReadPixel(ReadOnlySpan<byte> source) => BitsPerPixel switch
    {
        8 => source[0],
        16 => BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(source) : BinaryPrimitives.ReadUInt16LittleEndian(source),
        _ => BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(source) : BinaryPrimitives.ReadUInt32LittleEndian(source),
    };

    public override string ToString() =>
        IsGray ? $"{BitsPerPixel} bpp gray ({RedMax + 1} levels)"
        : $"{BitsPerPixel} bpp depth {Depth} max {RedMax}/{GreenMax}/{BlueMax} shift {RedShift}/{GreenShift}/{BlueShift}{(BitsPerPixel > 8 ? BigEndian ? " big-endian" : " little-endian" : "")}";

    private static uint Luma(uint r, uint g, uint b) => ((r * 77) + (g * 150) + (b * 29) + 128) >> 8;

    private static uint Scale(uint component, uint max) => ((component * max) + 127) / 255;

    private static uint Expand(uint value, uint max) => max == 0 ? 0 : ((value * 255) + (max / 2)) / max;

    private bool FitsIn(ushort max, byte shift) => max == 0 || (shift < BitsPerPixel && ((ulong)max << shift) < (1UL << BitsPerPixel));
}
