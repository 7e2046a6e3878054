using System.Net;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// What the noVNC tests keep to: loopback addresses 127.0.224.1 to 127.0.224.254 for their devices, gateways and the
/// web server that serves noVNC, apart from the other gateway tests so all can run at once.
/// </summary>
internal static class NoVncAddresses
{
    private static readonly LoopbackBlock Block = new(224, 1);

    public static IPAddress Next() => Block.Next();
}
