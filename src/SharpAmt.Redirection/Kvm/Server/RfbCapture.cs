using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Redirection.Kvm.Server;

/// <summary>
/// A connection's own copy of the screen, kept up to date between updates, and which 64 × 64 grid cells of it may
/// differ from what the viewer has (<see cref="RfbShadow"/>). A screen that reports its changes
/// (<see cref="IRfbChangeTracking"/>) refreshes only those cells; any other is copied whole and every cell compared.
/// </summary>
internal sealed class RfbCapture
{
    private readonly List<RfbRectangle> _changed = [];
    private uint[] _pixels = [];
    private long _version = -1;
    private RfbScreenSize _size;
    private bool[] _dirty = [];
    private int _dirtyColumns;

    /// <summary>The picture, row-major at the width last refreshed (at least width × height pixels).</summary>
    public uint[] Pixels => _pixels;

    /// <summary>Brings the copy up to date with <paramref name="screen"/>: only what changed when the screen can tell, else all of it.</summary>
    public (long Version, RfbScreenSize Size) Refresh(IRfbScreen screen)
    {
        if (_version >= 0 && screen is IRfbChangeTracking tracking)
        {
            _changed.Clear();
            if (tracking.TryCopyChanges(_pixels, _version, _size, _changed, out var version))
            {
                foreach (var area in _changed)
                {
                    MarkDirty(area);
                }

                _version = version;
                return (version, _size);
            }
        }

        var (wholeVersion, size) = CopyWhole(screen);
        const int side = AmtRleTileEncoder.MaxTileSide;
        _version = wholeVersion;
        _size = size;
        _dirtyColumns = (size.Width + side - 1) / side;
        var cells = _dirtyColumns * ((size.Height + side - 1) / side);
        if (_dirty.Length != cells)
        {
            _dirty = new bool[cells];
        }

        Array.Fill(_dirty, true);
        return (wholeVersion, size);
    }

    /// <summary>
    /// The 64 × 64 grid cells of <paramref name="region"/> to send, row by row: all of them, or those that may have
    /// changed and differ from the shadow. Cells wholly inside the region are clean afterwards: sent, or equal.
    /// </summary>
    public void CollectTiles(RfbRectangle region, RfbShadow shadow, bool onlyChanged, List<RfbRectangle> tiles)
    {
        tiles.Clear();
        const int side = AmtRleTileEncoder.MaxTileSide;
        if (region.IsEmpty)
        {
            return;
        }

        var firstColumn = region.X / side;
        var columns = ((region.Right - 1) / side) - firstColumn + 1;
        Span<bool> candidates = stackalloc bool[columns];
        Span<bool> changed = stackalloc bool[columns];
        for (var y = region.Y / side * side; y < region.Bottom; y += side)
        {
            var band = new RfbRectangle(region.X, y, region.Width, side).Intersect(region);
            var dirtyRow = _dirty.AsSpan(((y / side) * _dirtyColumns) + firstColumn, columns);
            if (onlyChanged)
            {
                dirtyRow.CopyTo(candidates);
                if (candidates.Contains(true))
                {
                    shadow.MarkChanged(_pixels, _size.Width, band, candidates, changed);
                }
                else
                {
                    changed.Clear();
                }
            }
            else
            {
                changed.Fill(true);
            }

            for (var column = 0; column < columns; column++)
            {
                var cell = new RfbRectangle((firstColumn + column) * side, y, side, side);
                var inRegion = cell.Intersect(region);
                if (changed[column])
                {
                    tiles.Add(inRegion);
                }

                if (inRegion == cell.Intersect(new RfbRectangle(0, 0, _size.Width, _size.Height)))
                {
                    dirtyRow[column] = false;
                }
            }
        }
    }

    /// <summary>Marks the grid cells <paramref name="area"/> touches as possibly different from the shadow.</summary>
    private void MarkDirty(RfbRectangle area)
    {
        const int side = AmtRleTileEncoder.MaxTileSide;
        area = area.Intersect(new RfbRectangle(0, 0, _size.Width, _size.Height));
        if (area.IsEmpty)
        {
            return;
        }

        for (var row = area.Y / side; row <= (area.Bottom - 1) / side; row++)
        {
            _dirty.AsSpan((row * _dirtyColumns) + (area.X / side), ((area.Right - 1) / side) - (area.X / side) + 1).Fill(true);
        }
    }

    private (long Version, RfbScreenSize Size) CopyWhole(IRfbScreen screen)
    {
        // The size can change between asking for it and copying; a few tries with a growing buffer always settle.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            var needed = Math.Max(screen.Size.Pixels, attempt == 0 ? 0 : _pixels.Length * 2);
            if (_pixels.Length < needed)
            {
                _pixels = new uint[needed];
            }

            var version = screen.CopyTo(_pixels, out var size);
            if (size.Width > ushort.MaxValue || size.Height > ushort.MaxValue)
            {
                throw new RfbProtocolException(RfbRejectReason.ScreenTooLarge, $"{size.Width}×{size.Height}");
            }

            if (_pixels.Length >= size.Pixels)
            {
                return (version, size);
            }
        }

        throw new RfbProtocolException(RfbRejectReason.ScreenTooLarge, "the screen kept growing while it was captured");
    }
}
