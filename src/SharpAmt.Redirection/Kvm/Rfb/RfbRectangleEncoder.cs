using System.Buffers;

namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// Writes one rectangle (header and payload) of a 0x00RRGGBB picture in the connection's pixel format and encoding.
/// One per connection: encoding 16's deflate stream lasts as long as the connection.
/// </summary>
public sealed class RfbRectangleEncoder : IDisposable
{
    private readonly AmtRleDeflateWriter _deflate;
    private readonly uint[] _tilePixels = new uint[AmtRleTileEncoder.MaxTileSide * AmtRleTileEncoder.MaxTileSide];
    private RfbPixelConverter _converter;
    private byte[] _tileBytes = [];

    /// <param name="dialect">What encoding 16 means: AMT's variant, or standard ZRLE for ordinary viewers.</param>
    public RfbRectangleEncoder(RfbPixelFormat format, RfbEncoding encoding = RfbEncoding.Raw, RfbTileDialect dialect = RfbTileDialect.Amt)
    {
        _converter = new RfbPixelConverter(format);
        Encoding = encoding;
        Dialect = dialect;
        _deflate = new AmtRleDeflateWriter { StandardZrle = dialect == RfbTileDialect.Zrle };
    }

    public RfbTileDialect Dialect { get; }

    public RfbPixelFormat Format
    {
        get => _converter.Format;
        set
        {
            if (value != _converter.Format)
            {
                _converter = new RfbPixelConverter(value);
            }
        }
    }

    /// <summary><see cref="RfbEncoding.Raw"/> or <see cref="RfbEncoding.AmtRle"/>.</summary>
    public RfbEncoding Encoding { get; set; }

    /// <summary>Encoding 16 compresses (zlib on through KvmExtCmd) instead of sending stored blocks.</summary>
    public bool Compress
    {
        get => _deflate.Compress;
        set => _deflate.Compress = value;
    }

    /// <summary>The tile encoder, to force a sub-encoding in tests and benches.</summary>
    public AmtRleTileEncoder Tiles { get; } = new();

    /// <summary>
    /// Writes <paramref name="area"/> of <paramref name="picture"/> (<paramref name="stride"/> pixels a row). Encoding 16
    /// takes at most 64 × 64 pixels a rectangle (the AMT tile rule).
    /// </summary>
    public void Write(IBufferWriter<byte> output, ReadOnlySpan<uint> picture, int stride, RfbRectangle area)
    {
        RfbServerMessageWriter.WriteRectangleHeader(output, area, Encoding);
        var format = _converter.Format;
        var bpp = format.BytesPerPixel;
        if (Encoding == RfbEncoding.Raw)
        {
            var rowBytes = area.Width * bpp;
            for (var y = area.Y; y < area.Bottom; y++)
            {
                var row = picture.Slice((y * stride) + area.X, area.Width);
                var span = output.GetSpan(rowBytes);
                WriteRow(row, span, format, bpp);
                output.Advance(rowBytes);
            }

            return;
        }

        if (Encoding != RfbEncoding.AmtRle)
        {
            throw new InvalidOperationException($"encoding {Encoding} carries no pixels");
        }

        if (area.Width > AmtRleTileEncoder.MaxTileSide || area.Height > AmtRleTileEncoder.MaxTileSide)
        {
            throw new ArgumentException("an encoding-16 rectangle is at most 64 × 64 pixels", nameof(area));
        }

        var pixels = _tilePixels.AsSpan(0, area.Width * area.Height);
        for (var y = 0; y < area.Height; y++)
        {
            var row = picture.Slice(((area.Y + y) * stride) + area.X, area.Width);
            var target = pixels.Slice(y * area.Width, area.Width);
            for (var x = 0; x < row.Length; x++)
            {
                target[x] = _converter.Pack(row[x]);
            }
        }

        var max = AmtRleTileEncoder.MaxEncodedSize(area.Width, area.Height, bpp);
        if (_tileBytes.Length < max)
        {
            _tileBytes = new byte[max];
        }

        var length = Tiles.Encode(pixels, area.Width, area.Height, new RfbTilePixels(format, Dialect == RfbTileDialect.Zrle), _tileBytes);
        _deflate.Write(output, _tileBytes.AsSpan(0, length));
    }

    public void Dispose() => _deflate.Dispose();

    private void WriteRow(ReadOnlySpan<uint> row, Span<byte> target, RfbPixelFormat format, int bpp)
    {
        for (var x = 0; x < row.Length; x++)
        {
            format.WritePixel(target[(x * bpp)..], _converter.Pack(row[x]));
        }
    }
}
