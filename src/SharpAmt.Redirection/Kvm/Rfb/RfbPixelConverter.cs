namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// <see cref="RfbPixelFormat.Pack"/> and <see cref="RfbPixelFormat.Unpack"/> through tables, because encoders and
/// decoders convert every pixel of every frame: three 256-entry tables to pack, and for formats of 16 bpp or less
/// one table of every pixel value to unpack.
/// </summary>
public sealed class RfbPixelConverter
{
    private readonly uint[] _red = new uint[256];
    private readonly uint[] _green = new uint[256];
    private readonly uint[] _blue = new uint[256];
    private readonly uint[]? _unpack;

    public RfbPixelConverter(RfbPixelFormat format)
    {
        if (!format.IsSupported)
        {
            throw new ArgumentException($"unsupported pixel format: {format}", nameof(format));
        }

        Format = format;
        for (uint c = 0; c < 256; c++)
        {
            // Gray formats pack luma, which is not a sum of per-channel parts; Pack is called per pixel then.
            _red[c] = format.Pack(c << 16);
            _green[c] = format.Pack(c << 8);
            _blue[c] = format.Pack(c);
        }

        if (format.BitsPerPixel <= 16)
        {
            _unpack = new uint[1 << format.BitsPerPixel];
            for (uint value = 0; value < _unpack.Length; value++)
            {
                _unpack[value] = format.Unpack(value);
            }
        }
    }

    public RfbPixelFormat Format { get; }

    public uint Pack(uint rgb) => Format.IsGray
        ? Format.Pack(rgb)
        : _red[(rgb >> 16) & 0xFF] | _green[(rgb >> 8) & 0xFF] | _blue[rgb & 0xFF];

    public uint Unpack(uint pixel) => _unpack is { } table ? table[pixel & (uint)(table.Length - 1)] : Format.Unpack(pixel);
}
