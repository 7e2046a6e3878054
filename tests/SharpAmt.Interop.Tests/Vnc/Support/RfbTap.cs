using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>One chunk of a relayed RFB connection, in the order the relay passed it on.</summary>
internal sealed record RfbTapChunk(long Order, bool FromViewer, byte[] Bytes);

/// <summary>
/// A TCP relay between a real viewer and any RFB server (a simulated device's port 5900, the gateway) that keeps
/// every byte of both directions, so a test can say what the viewer asked for and what the server answered without
/// changing either. Each chunk is kept before it is passed on.
/// </summary>
internal sealed class RfbTap : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly EndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<List<RfbTapChunk>> _connections = new();
    private readonly ConcurrentBag<Task> _relays = [];
    private readonly Task _accepting;
    private long _order;

    private RfbTap(Socket listener, EndPoint target)
    {
        _listener = listener;
        _target = target;
        _accepting = AcceptAsync();
    }

    /// <summary>Where viewers connect instead of the server.</summary>
    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>Listens on <paramref name="address"/> (a free port) and relays each connection to <paramref name="target"/>.</summary>
    public static RfbTap Start(IPAddress address, EndPoint target)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(address, 0));
        listener.Listen(8);
        return new RfbTap(listener, target);
    }

    /// <summary>The connections relayed so far, each as its chunks in relay order.</summary>
    public IReadOnlyList<IReadOnlyList<RfbTapChunk>> Connections()
    {
        var connections = new List<IReadOnlyList<RfbTapChunk>>();
        foreach (var chunks in _connections)
        {
            lock (chunks)
            {
                connections.Add(chunks.ToArray());
            }
        }

        return connections;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        await Task.WhenAny(Task.WhenAll([_accepting, .. _relays]), Task.Delay(TimeSpan.FromSeconds(5)));
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var viewer = await _listener.AcceptAsync(_stopping.Token);
                _relays.Add(RelayAsync(viewer));
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The tap was disposed.
        }
    }

    private async Task RelayAsync(Socket viewer)
    {
        var chunks = new List<RfbTapChunk>();
        _connections.Enqueue(chunks);
        using (viewer)
        using (var server = new Socket(SocketType.Stream, ProtocolType.Tcp))
        {
            try
            {
                await server.ConnectAsync(_target, _stopping.Token);
            }
            catch (SocketException)
            {
                // The server refuses: so does the tap, by closing the viewer's connection.
                return;
            }

            using var ending = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
            var up = PumpAsync(viewer, server, fromViewer: true, chunks, ending.Token);
            var down = PumpAsync(server, viewer, fromViewer: false, chunks, ending.Token);
            await Task.WhenAny(up, down);
            await ending.CancelAsync();
            await Task.WhenAll(up, down);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool fromViewer, List<RfbTapChunk> chunks, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send);
                    return;
                }

                lock (chunks)
                {
                    chunks.Add(new RfbTapChunk(Interlocked.Increment(ref _order), fromViewer, buffer[..read]));
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // One side closed or the tap stopped; the other pump ends too.
        }
    }
}
