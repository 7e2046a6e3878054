using System.Buffers;
using System.Buffers.Binary;

namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// Draws the rectangles a server sends (RAW, encoding 16 in every sub-encoding, stored or compressed) into a
/// <see cref="RfbFrameBuffer"/>. One per connection, for the deflate stream's sake.
/// </summary>
public sealed class RfbRectangleDecoder : IDisposable
{
    private readonly AmtRleDeflateReader _inflate;
    private RfbPixelConverter _converter;
    private byte[] _contiguous = [];

    /// <param name="dialect">What encoding 16 means on this connection.</param>
    public RfbRectangleDecoder(RfbPixelFormat format, RfbTileDialect dialect = RfbTileDialect.Amt)
    {
        _converter = new RfbPixelConverter(format);
        Dialect = dialect;
        _inflate = new AmtRleDeflateReader(dialect == RfbTileDialect.Zrle);
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

    /// <summary>Draws one rectangle with pixel data; DesktopSize is the caller's business.</summary>
    public void Decode(RfbRectangle area, RfbEncoding encoding, ReadOnlySequence<byte> payload, RfbFrameBuffer frame)
    {
        if (area.IsEmpty)
        {
            return;
        }

        if (area.Right > frame.Width || area.Bottom > frame.Height)
        {
            throw new RfbProtocolException(RfbRejectReason.RectangleOutsideScreen, $"{area.Width}×{area.Height} at {area.X},{area.Y} on a {frame.Width}×{frame.Height} screen");
        }

        var data = Contiguous(payload);
        var format = _converter.Format;
        switch (encoding)
        {
            case RfbEncoding.Raw:
            {
                var bpp = format.BytesPerPixel;
                var pixels = frame.Pixels.AsSpan();
                var at = 0;
                for (var y = area.Y; y < area.Bottom; y++)
                {
                    var row = pixels.Slice((y * frame.Width) + area.X, area.Width);
                    for (var x = 0; x < row.Length; x++, at += bpp)
                    {
                        row[x] = _converter.Unpack(format.ReadPixel(data[at..]));
                    }
                }

                break;
            }

            case RfbEncoding.AmtRle:
            {
                var length = BinaryPrimitives.ReadInt32BigEndian(data);
                var tiles = _inflate.Read(data.Slice(4, length));
                AmtRleTileDecoder.Decode(tiles, area, _converter, Dialect == RfbTileDialect.Zrle, frame.Pixels, frame.Width);
                break;
            }

            default:
                throw new RfbProtocolException(RfbRejectReason.UnsupportedEncoding, $"encoding {(int)encoding}");
        }
    }

    public void Dispose() => _inflate.Dispose();

    private ReadOnlySpan<byte> Contiguous(ReadOnlySequence<byte> payload)
    {
        if (payload.IsSingleSegment)
        {
            return payload.FirstSpan;
        }

        if (_contiguous.Length < payload.Length)
        {
            _contiguous = new byte[payload.Length];
        }

        payload.CopyTo(_contiguous);
        return _contiguous.AsSpan(0, (int)payload.Length);
    }
}
