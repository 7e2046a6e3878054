using System.Net;

namespace SharpAmt.Redirection.Tests.Support;

/// <summary>Loopback addresses for this project's tests: 127.0.90.1 to 127.0.91.254, one per device.</summary>
internal static class TestAddresses
{
    private const int PerBlock = 254;
    private static int _next;

    public static IPAddress Next()
    {
        var index = Interlocked.Increment(ref _next) - 1;
        if (index >= 2 * PerBlock)
        {
            throw new InvalidOperationException("the redirection tests ran out of their loopback addresses (127.0.90.1–127.0.91.254)");
        }

        return new IPAddress(new byte[] { 127, 0, (byte)(90 + index / PerBlock), (byte)(1 + index % PerBlock) });
    }
}
