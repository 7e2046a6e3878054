using System.Net;
using System.Net.Sockets;

namespace SharpAmt.Redirection.Tests.Support;

/// <summary>
/// A test server on one loopback address and port: accepts until disposed and runs each connection with the
/// given handler. <see cref="DropConnectionsAsync"/> ends every open connection at once, as a device whose ME
/// resets does; connections accepted later are served afresh.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private static readonly TimeSpan EndWait = TimeSpan.FromSeconds(10);

    private readonly Socket _listener;
    private readonly Func<Stream, CancellationToken, Task> _serve;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private CancellationTokenSource _dropping = new();

    public LoopbackServer(IPAddress address, int port, Func<Stream, CancellationToken, Task> serve)
    {
        Address = address;
        Port = port;
        _serve = serve;
        _listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(address, port));
        _listener.Listen(8);
        _accepting = AcceptAsync();
    }

    public IPAddress Address { get; }

    public int Port { get; }

    public string Endpoint => $"{Address}:{Port}";

    /// <summary>The task of the connection accepted <paramref name="index"/>th (from 0).</summary>
    public Task ConnectionAt(int index)
    {
        lock (_connections)
        {
            return _connections[index];
        }
    }

    public async Task<NetworkStream> ConnectAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(Address, Port));
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new NetworkStream(socket, ownsSocket: true);
    }

    /// <summary>Ends every open connection from the server side and waits (bounded) until they have finished.</summary>
    public async Task DropConnectionsAsync()
    {
        CancellationTokenSource dropped;
        Task[] open;
        lock (_connections)
        {
            dropped = _dropping;
            _dropping = new CancellationTokenSource();
            open = [.. _connections];
        }

        await dropped.CancelAsync();
        await Task.WhenAll(open).WaitAsync(EndWait);
        dropped.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        await _accepting;
        await DropConnectionsAsync();
        _stopping.Dispose();
        _dropping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            lock (_connections)
            {
                _connections.Add(ServeAsync(new NetworkStream(client, ownsSocket: true), _dropping.Token));
            }
        }
    }

    private async Task ServeAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        await using (stream)
        {
            await _serve(stream, cancellationToken);
        }
    }
}
