using System.Net;

namespace SharpAmt.Redirection.Tests.Ider.Support;

/// <summary>Loopback addresses of the IDE-R session tests: 127.0.103.1 to 127.0.104.254, one per device.</summary>
internal static class IderTestAddresses
{
    private const int PerBlock = 254;
    private static int _next;

    public static IPAddress Next()
    {
        var index = Interlocked.Increment(ref _next) - 1;
        if (index >= 2 * PerBlock)
        {
            throw new InvalidOperationException("the IDE-R tests ran out of their loopback addresses (127.0.103.1–127.0.104.254)");
        }

        return new IPAddress(new byte[] { 127, 0, (byte)(103 + index / PerBlock), (byte)(1 + index % PerBlock) });
    }
}
