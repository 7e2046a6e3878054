namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// A screen that can say which parts of its picture changed since an earlier version. A server that keeps its own copy
/// of the picture then refreshes and compares only those parts for an update, not the whole picture: at 1920 × 1080 a
/// whole copy and comparison cost far more than sending a moved pointer.
/// </summary>
public interface IRfbChangeTracking
{
    /// <summary>
    /// Brings <paramref name="destination"/>, which holds the picture as of <paramref name="since"/> at
    /// <paramref name="size"/>, up to date by copying only the areas changed since then; adds those areas to
    /// <paramref name="changed"/> and returns in <paramref name="version"/> the version it now holds. False, with
    /// nothing copied, when the screen cannot tell (its size changed, or <paramref name="since"/> is older than what it
    /// remembers): the caller then copies the whole picture with <see cref="IRfbScreen.CopyTo"/>.
    /// </summary>
    bool TryCopyChanges(Span<uint> destination, long since, RfbScreenSize size, ICollection<RfbRectangle> changed, out long version);
}
