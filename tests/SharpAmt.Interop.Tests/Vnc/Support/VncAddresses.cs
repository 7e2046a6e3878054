using System.Net;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>Loopback addresses for the VNC interop tests: 127.0.190.1 to 127.0.194.254, one per use.</summary>
internal static class VncAddresses
{
    private const int First = 190;
    private const int Blocks = 5;
    private const int PerBlock = 254;
    private static int _next;

    public static IPAddress Next()
    {
        var index = Interlocked.Increment(ref _next) - 1;
        if (index >= Blocks * PerBlock)
        {
            throw new InvalidOperationException("the VNC interop tests ran out of their loopback addresses (127.0.190.1–127.0.194.254)");
        }

        return new IPAddress(new byte[] { 127, 0, (byte)(First + (index / PerBlock)), (byte)(1 + (index % PerBlock)) });
    }
}
