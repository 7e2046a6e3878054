using System.Net.Sockets;

namespace SharpAmt.Transport.Net;

/// <summary>A plain TCP connection straight to the device.</summary>
public sealed class DirectDialer : IConnectionDialer
{
    public static DirectDialer Instance { get; } = new();

    private DirectDialer()
    {
    }

    public async Task<Stream> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = await TcpConnector.ConnectAsync(host, port, timeout, cancellationToken).ConfigureAwait(false);
        return new NetworkStream(socket, ownsSocket: true);
    }
}
