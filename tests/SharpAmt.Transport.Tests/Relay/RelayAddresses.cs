using System.Net;

namespace SharpAmt.Transport.Tests.Relay;

/// <summary>
/// The relay tests' loopback addresses: the sshd on 127.0.60.1, devices and dead relays on 127.0.60.2-59.
/// (The other test projects use higher parts of 127.0.60.x.)
/// </summary>
internal static class RelayAddresses
{
    private static int _next = 1;

    public static IPAddress Server { get; } = IPAddress.Parse("127.0.60.1");

    public static IPAddress Next()
    {
        var index = Interlocked.Increment(ref _next);
        return index <= 59
            ? new IPAddress([127, 0, 60, (byte)index])
            : throw new InvalidOperationException("the transport relay tests ran out of addresses in 127.0.60.2-59");
    }
}
