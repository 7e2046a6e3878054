using System.Net;

namespace SharpAmt.Redirection.Tests.Kvm.Gateway;

/// <summary>Devices and gateways of the WebSocket gateway tests: 127.0.223.1–127.0.223.100, one per use.</summary>
internal static class WebSocketGatewayAddresses
{
    private static int _next;

    public static IPAddress Next()
    {
        var index = Interlocked.Increment(ref _next);
        return index <= 100 ? new IPAddress(new byte[] { 127, 0, 223, (byte)index }) : throw new InvalidOperationException("the WebSocket gateway tests ran out of 127.0.223.1–100");
    }
}
