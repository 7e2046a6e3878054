using System.Net;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// What the low-colour and wrong-password gateway tests keep to: loopback addresses 127.0.216.1 to 127.0.217.254 and X
/// displays :215 to :219, apart from the other VNC tests' blocks.
/// </summary>
internal static class GatewayExtrasBlock
{
    private static readonly LoopbackBlock Addresses = new(216, 2);

    public static XvfbDisplayBlock Displays { get; } = new(215, 219);

    public static IPAddress NextAddress() => Addresses.Next();
}
