using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SharpAmt.Transport.Relay;

/// <summary>
/// The client side of a SOCKS5 CONNECT without authentication (RFC 1928), which is what <c>ssh -D</c> serves.
/// Host names are sent as names, so the relay resolves them: lab names often exist only on the far side.
/// </summary>
internal static class Socks5Client
{
    private const byte Version = 0x05;
    private const byte NoAuthentication = 0x00;
    private const byte Connect = 0x01;
    private const byte AddressIPv4 = 0x01;
    private const byte AddressDomain = 0x03;
    private const byte AddressIPv6 = 0x04;

    /// <summary>The longest host name a SOCKS5 request can carry (its length is one byte).</summary>
    public const int MaxHostNameLength = 255;

    /// <summary>
    /// Asks the proxy on <paramref name="stream"/> to connect to <paramref name="host"/>:<paramref name="port"/>
    /// and returns its answer; on success the stream then carries the connection.
    /// </summary>
    /// <exception cref="EndOfStreamException">The proxy closed the connection before answering.</exception>
    /// <exception cref="InvalidDataException">The proxy answered something other than SOCKS5.</exception>
    public static async Task<Socks5Reply> ConnectAsync(Stream stream, string host, int port, CancellationToken cancellationToken)
    {
        var request = ConnectRequest(host, port);
        await stream.WriteAsync(new byte[] { Version, 1, NoAuthentication }, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        var method = new byte[2];
        await stream.ReadExactlyAsync(method, cancellationToken).ConfigureAwait(false);
        if (method[0] != Version || method[1] != NoAuthentication)
        {
            throw new InvalidDataException($"the SOCKS proxy answered the greeting with {method[0]:x2} {method[1]:x2}, not SOCKS5 without authentication");
        }

        await stream.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        var head = new byte[5];
        await stream.ReadExactlyAsync(head, cancellationToken).ConfigureAwait(false);
        if (head[0] != Version)
        {
            throw new InvalidDataException($"the SOCKS proxy replied with version {head[0]}, not 5");
        }

        // The bound address that follows means nothing to a client, but it must be read off the stream.
        var remaining = head[3] switch
        {
            AddressIPv4 => 4 - 1 + 2,
            AddressIPv6 => 16 - 1 + 2,
            AddressDomain => head[4] + 2,
            _ => throw new InvalidDataException($"the SOCKS proxy replied with address type {head[3]}"),
        };
        await stream.ReadExactlyAsync(new byte[remaining], cancellationToken).ConfigureAwait(false);
        return (Socks5Reply)head[1];
    }

    /// <summary>VER CMD RSV ATYP DST.ADDR DST.PORT, with the address as IPv4, IPv6 or a name.</summary>
    public static byte[] ConnectRequest(string host, int port)
    {
        byte[] address;
        byte type;
        if (IPAddress.TryParse(host, out var ip))
        {
            address = ip.GetAddressBytes();
            type = ip.AddressFamily == AddressFamily.InterNetworkV6 ? AddressIPv6 : AddressIPv4;
        }
        else
        {
            var name = Encoding.ASCII.GetBytes(host);
            if (name.Length is 0 or > MaxHostNameLength || !Ascii.IsValid(host))
            {
                throw new ArgumentException($"'{host}' cannot be sent to a SOCKS proxy: a name must be 1 to {MaxHostNameLength} ASCII characters", nameof(host));
            }

            address = [(byte)name.Length, .. name];
            type = AddressDomain;
        }

        var request = new byte[4 + address.Length + 2];
        request[0] = Version;
        request[1] = Connect;
        request[3] = type;
        address.CopyTo(request, 4);
        BinaryPrimitives.WriteUInt16BigEndian(request.AsSpan(4 + address.Length), checked((ushort)port));
        return request;
    }
}
