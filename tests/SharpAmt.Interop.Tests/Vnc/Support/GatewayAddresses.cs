using System.Net;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// Loopback addresses for the gateway interop tests (devices, gateways, relays): 127.0.200.1 to 127.0.203.254, one per
/// use, apart from the port 5900 tests' block so both can run at once.
/// </summary>
internal static class GatewayAddresses
{
    private const int First = 200;
    private const int Blocks = 4;
    private const int PerBlock = 254;
    private static int _next;

    public static IPAddress Next()
    {
        var index = Interlocked.Increment(ref _next) - 1;
        if (index >= Blocks * PerBlock)
        {
            throw new InvalidOperationException("the gateway interop tests ran out of their loopback addresses (127.0.200.1–127.0.203.254)");
        }

        return new IPAddress(new byte[] { 127, 0, (byte)(First + (index / PerBlock)), (byte)(1 + (index % PerBlock)) });
    }
}
