using System.Net;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// Loopback addresses for the gateway interop tests (devices, gateways, relays): 127.0.200.1 to 127.0.203.254, one per
/// use, apart from the port 5900 tests' block so both can run at once.
/// </summary>
internal static class GatewayAddresses
{
    private static readonly LoopbackBlock Block = new(200, 4);

    public static IPAddress Next() => Block.Next();
}
