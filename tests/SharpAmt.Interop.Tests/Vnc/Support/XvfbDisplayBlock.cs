namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// A few X display numbers, :<paramref name="first"/> to :<paramref name="last"/>, that a group of tests keeps to so
/// that test runs beside it can keep to theirs; handed out in turn, so a number comes back once its server stopped.
/// </summary>
internal sealed class XvfbDisplayBlock(int first, int last)
{
    private int _turn = -1;

    public int Count => last - first + 1;

    public int Next() => first + (int)((uint)Interlocked.Increment(ref _turn) % (uint)Count);

    public override string ToString() => $":{first}–:{last}";
}
