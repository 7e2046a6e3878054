using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Redirection.Kvm.Server;

/// <summary>
/// The picture as the viewer has it: what was last sent, at the viewer's size. A tile is sent again only when the
/// screen differs from this copy there. After a resize it holds a value no 0x00RRGGBB pixel has, so everything differs.
/// </summary>
internal sealed class RfbShadow
{
    private const uint Unknown = 0xFF00_0000;
    private const int Side = AmtRleTileEncoder.MaxTileSide;

    private uint[] _pixels = [];

    public int Width { get; private set; }

    public int Height { get; private set; }

    public void Reset(int width, int height)
    {
        if (_pixels.Length != width * height)
        {
            _pixels = new uint[width * height];
        }

        (Width, Height) = (width, height);
        Array.Fill(_pixels, Unknown);
    }

    /// <summary>
    /// Marks in <paramref name="changed"/> those of the <paramref name="candidates"/> grid columns of the 64-row band
    /// <paramref name="band"/> where the screen differs. When every column is a candidate a whole row of the band is
    /// compared first: on a mostly still screen that is one vectorised comparison a row instead of one a tile, and the
    /// per-tile comparisons run only on rows that differ somewhere.
    /// </summary>
    public void MarkChanged(ReadOnlySpan<uint> screen, int stride, RfbRectangle band, ReadOnlySpan<bool> candidates, Span<bool> changed)
    {
        var shadow = _pixels.AsSpan();
        var firstColumn = band.X / Side;
        changed.Clear();
        var left = candidates.Count(true);
        var wholeRows = left == candidates.Length;
        for (var y = band.Y; y < band.Bottom && left > 0; y++)
        {
            var screenRow = screen.Slice((y * stride) + band.X, band.Width);
            var shadowRow = shadow.Slice((y * Width) + band.X, band.Width);
            if (wholeRows && screenRow.SequenceEqual(shadowRow))
            {
                continue;
            }

            for (var column = 0; column < changed.Length; column++)
            {
                if (changed[column] || !candidates[column])
                {
                    continue;
                }

                var from = Math.Max(band.X, (firstColumn + column) * Side) - band.X;
                var length = Math.Min(band.Right, (firstColumn + column + 1) * Side) - band.X - from;
                if (!screenRow.Slice(from, length).SequenceEqual(shadowRow.Slice(from, length)))
                {
                    changed[column] = true;
                    left--;
                }
            }
        }
    }

    public void Remember(ReadOnlySpan<uint> screen, int stride, RfbRectangle area)
    {
        var shadow = _pixels.AsSpan();
        for (var y = area.Y; y < area.Bottom; y++)
        {
            screen.Slice((y * stride) + area.X, area.Width).CopyTo(shadow.Slice((y * Width) + area.X, area.Width));
        }
    }
}
