using System.Net;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>Loopback addresses for the VNC interop tests: 127.0.190.1 to 127.0.194.254, one per use.</summary>
internal static class VncAddresses
{
    private static readonly LoopbackBlock Block = new(190, 5);

    public static IPAddress Next() => Block.Next();
}
