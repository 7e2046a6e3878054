using System.Net;

namespace SharpAmt.Redirection.Tests.Kvm.Support;

/// <summary>Loopback addresses for the KVM tests: 127.0.140.1 to 127.0.144.254, one per listener.</summary>
internal static class KvmTestAddresses
{
    private const int PerBlock = 254;
    private static int _next;

    public static IPAddress Next()
    {
        var index = Interlocked.Increment(ref _next) - 1;
        if (index >= 5 * PerBlock)
        {
            throw new InvalidOperationException("the KVM tests ran out of their loopback addresses (127.0.140.1–127.0.144.254)");
        }

        return new IPAddress(new byte[] { 127, 0, (byte)(140 + (index / PerBlock)), (byte)(1 + (index % PerBlock)) });
    }
}
