namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// The areas a picture changed in, by version, for <see cref="IRfbChangeTracking"/>: bounded, so a caller that fell
/// too far behind is told to copy everything rather than given an incomplete list.
/// </summary>
public sealed class RfbChangeLog
{
    private readonly Queue<(long Version, RfbRectangle Area)> _entries = new();
    private readonly int _capacity;
    private long _oldestAnswerable;

    /// <param name="capacity">Areas remembered; a full 1920 × 1080 update in 64 × 64 tiles is 510 of them.</param>
    /// <param name="firstVersion">The first version a caller may ask about.</param>
    public RfbChangeLog(int capacity = 2048, long firstVersion = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _oldestAnswerable = firstVersion;
    }

    /// <summary>Records that <paramref name="area"/> changed on the way to <paramref name="version"/>.</summary>
    public void Add(long version, RfbRectangle area)
    {
        if (_entries.Count == _capacity)
        {
            // Whoever still holds a version before the forgotten area's would miss it.
            _oldestAnswerable = Math.Max(_oldestAnswerable, _entries.Dequeue().Version);
        }

        _entries.Enqueue((version, area));
    }

    /// <summary>Forgets everything: nothing before <paramref name="version"/> can be answered (the picture was replaced).</summary>
    public void Reset(long version)
    {
        _entries.Clear();
        _oldestAnswerable = version;
    }

    /// <summary>Adds to <paramref name="changed"/> every area recorded after <paramref name="since"/>; false when that is no longer known.</summary>
    public bool TryCollect(long since, ICollection<RfbRectangle> changed)
    {
        if (since < _oldestAnswerable)
        {
            return false;
        }

        foreach (var (version, area) in _entries)
        {
            if (version > since)
            {
                changed.Add(area);
            }
        }

        return true;
    }
}
