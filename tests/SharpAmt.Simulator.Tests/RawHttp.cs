using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SharpAmt.Simulator.Tests;

/// <summary>A bare TCP client for checking bytes on the wire, the way a strict or naive client sees them.</summary>
internal sealed class RawHttp : IAsyncDisposable
{
    private readonly Socket _socket;

    private RawHttp(Socket socket)
    {
        _socket = socket;
    }

    public static async Task<RawHttp> ConnectAsync(IPAddress address, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
        return new RawHttp(socket);
    }

    public Task SendAsync(string text, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.ASCII.GetBytes(text), SocketFlags.None, cancellationToken).AsTask();

    /// <summary>Everything the peer sends until it closes, or until nothing more arrives for <paramref name="quiet"/>.</summary>
    public async Task<(string Text, bool Closed)> ReceiveAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var buffer = new byte[8192];
        while (true)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(quiet);
            int count;
            try
            {
                count = await _socket.ReceiveAsync(buffer, SocketFlags.None, wait.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (Encoding.UTF8.GetString(received.ToArray()), false);
            }

            if (count == 0)
            {
                return (Encoding.UTF8.GetString(received.ToArray()), true);
            }

            received.Write(buffer, 0, count);
        }
    }

    /// <summary>The first chunk the peer sends, from a single receive (MeshCentral's presence check reads only that).</summary>
    public async Task<string> ReceiveFirstChunkAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        var count = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
        return Encoding.ASCII.GetString(buffer, 0, count);
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
