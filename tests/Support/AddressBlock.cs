using System.Net;

namespace SharpAmt.Tests.Support;

/// <summary>
/// Loopback addresses 127.0.<c>third</c>.<c>first</c> to <c>last</c>, one per simulated device, so tests that run in
/// parallel never share a port. Running out fails the test rather than reusing an address.
/// </summary>
public sealed class AddressBlock(byte third, byte first, byte last)
{
    private int _next = first - 1;

    public IPAddress Next()
    {
        var index = Interlocked.Increment(ref _next);
        return index <= last
            ? new IPAddress([127, 0, third, (byte)index])
            : throw new InvalidOperationException($"the tests ran out of addresses in 127.0.{third}.{first}-{last}");
    }
}
