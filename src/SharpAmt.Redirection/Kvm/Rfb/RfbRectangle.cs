namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>A rectangle of the screen in pixels.</summary>
public readonly record struct RfbRectangle(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>The part of this rectangle inside <paramref name="other"/>; empty when they do not meet.</summary>
    public RfbRectangle Intersect(RfbRectangle other)
    {
        int left = Math.Max(X, other.X), top = Math.Max(Y, other.Y);
        int right = Math.Min(Right, other.Right), bottom = Math.Min(Bottom, other.Bottom);
        return right <= left || bottom <= top ? default : new RfbRectangle(left, top, right - left, bottom - top);
    }
}
