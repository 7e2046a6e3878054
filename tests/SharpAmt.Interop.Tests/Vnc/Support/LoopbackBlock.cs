using System.Net;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// Loopback addresses 127.0.<paramref name="first"/>.1 to 127.0.(<paramref name="first"/> + <paramref name="count"/> − 1).254,
/// one per use, for a group of tests that keeps to its own so that groups (and runs beside them) can go at once.
/// </summary>
internal sealed class LoopbackBlock(int first, int count)
{
    private const int PerBlock = 254;
    private int _next = -1;

    public IPAddress Next()
    {
        var index = Interlocked.Increment(ref _next);
        if (index >= count * PerBlock)
        {
            throw new InvalidOperationException($"the tests ran out of their loopback addresses ({this})");
        }

        return new IPAddress(new byte[] { 127, 0, (byte)(first + (index / PerBlock)), (byte)(1 + (index % PerBlock)) });
    }

    public override string ToString() => $"127.0.{first}.1–127.0.{first + count - 1}.254";
}
