using System.Net;
using System.Net.Sockets;
using SharpAmt.Redirection.Kvm.Server;
using SharpAmt.Transport.WebSockets;

namespace SharpAmt.Redirection.Kvm.Gateway;

/// <summary>
/// Lets ordinary VNC viewers see and drive an AMT device: listens on a local endpoint and serves each viewer a
/// standard RFB 3.8 server (32-bit true colour, ZRLE or RAW, DesktopSize; security None or a VNC password) over one
/// shared <see cref="KvmGatewayScreen"/>, on plain TCP, on a WebSocket endpoint for browser viewers such as noVNC
/// (the same RFB in binary messages), or both. Viewers share the device's single KVM session: all see the same
/// picture and all can type. The gateway does not own the screen.
/// </summary>
public sealed class KvmGateway : IAsyncDisposable
{
    /// <summary>websockify's name for raw bytes in binary messages; noVNC 1.7 offers no subprotocol, older clients this one.</summary>
    private const string BinarySubProtocol = "binary";

    private readonly KvmGatewayScreen _screen;
    private readonly KvmGatewayOptions _options;
    private readonly RfbServerOptions _server;
    private readonly WebSocketAcceptOptions _webSocket;
    private readonly Socket? _tcpListener;
    private readonly Socket? _webSocketListener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _sync = new();
    private readonly HashSet<Task> _viewers = [];
    private readonly Task _accepting;
    private int _disposed;

    private KvmGateway(KvmGatewayScreen screen, KvmGatewayOptions options, Socket? tcpListener, Socket? webSocketListener)
    {
        _screen = screen;
        _options = options;
        _server = RfbServerOptions.Standard(options.VncPassword) with { Name = options.Name, Log = options.Log, ViewOnly = options.ViewOnly };
        _webSocket = new WebSocketAcceptOptions { AllowedOrigins = options.AllowedOrigins, SubProtocols = [BinarySubProtocol] };
        _tcpListener = tcpListener;
        _webSocketListener = webSocketListener;
        Endpoint = (IPEndPoint?)tcpListener?.LocalEndPoint;
        WebSocketEndpoint = (IPEndPoint?)webSocketListener?.LocalEndPoint;
        _accepting = Task.WhenAll(
            Task.Run(() => AcceptAsync(tcpListener, ServeTcpAsync, _stopping.Token), CancellationToken.None),
            Task.Run(() => AcceptAsync(webSocketListener, ServeWebSocketAsync, _stopping.Token), CancellationToken.None));
    }

    /// <summary>Where VNC viewers connect over TCP, with the port actually bound; null without <see cref="KvmGatewayOptions.Listen"/>.</summary>
    public IPEndPoint? Endpoint { get; }

    /// <summary>Where browser viewers connect, with the port actually bound; null without <see cref="KvmGatewayOptions.ListenWebSocket"/>.</summary>
    public IPEndPoint? WebSocketEndpoint { get; }

    /// <summary>The URL to give noVNC, <c>ws://address:port</c>; null without a WebSocket endpoint.</summary>
    public string? WebSocketUrl => WebSocketEndpoint is { } endpoint ? $"ws://{endpoint}" : null;

    /// <summary>Viewers connected now, over either endpoint, counting those still in their handshake.</summary>
    public int ViewerCount
    {
        get
        {
            lock (_sync)
            {
                return _viewers.Count;
            }
        }
    }

    /// <summary>Binds <see cref="KvmGatewayOptions.Listen"/> and <see cref="KvmGatewayOptions.ListenWebSocket"/> and starts accepting viewers.</summary>
    /// <exception cref="KvmGatewayListenException">An endpoint is in use or not local.</exception>
    public static KvmGateway Start(KvmGatewayScreen screen, KvmGatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxViewers, 1);
        if (options.Listen is null && options.ListenWebSocket is null)
        {
            throw new ArgumentException("the gateway needs a TCP or a WebSocket endpoint to listen on", nameof(options));
        }

        Socket? tcp = null;
        try
        {
            tcp = options.Listen is { } listen ? Bind(listen, options.MaxViewers, webSocket: false) : null;
            var webSocket = options.ListenWebSocket is { } listenWebSocket ? Bind(listenWebSocket, options.MaxViewers, webSocket: true) : null;
            return new KvmGateway(screen, options, tcp, webSocket);
        }
        catch
        {
            tcp?.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _tcpListener?.Dispose();
        _webSocketListener?.Dispose();
        await _accepting.ConfigureAwait(false);
        Task[] open;
        lock (_sync)
        {
            open = [.. _viewers];
        }

        // Each viewer's server returns once its token fires; the bound only guards against a stuck socket write.
        await Task.WhenAll(open).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private static Socket Bind(IPEndPoint endpoint, int backlog, bool webSocket)
    {
        var listener = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(endpoint);
            listener.Listen(backlog);
            return listener;
        }
        catch (SocketException exception)
        {
            listener.Dispose();
            throw new KvmGatewayListenException(endpoint, webSocket, exception);
        }
    }

    private async Task AcceptAsync(Socket? listener, Func<Socket, string, CancellationToken, Task> serve, CancellationToken cancellationToken)
    {
        while (listener is not null && !cancellationToken.IsCancellationRequested)
        {
            Socket viewer;
            try
            {
                viewer = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            lock (_sync)
            {
                var from = viewer.RemoteEndPoint?.ToString() ?? "a viewer";
                if (_viewers.Count >= _options.MaxViewers)
                {
                    _options.Log?.Invoke($"viewer from {from} refused: {_options.MaxViewers} viewers are connected already");
                    viewer.Dispose();
                    continue;
                }

                viewer.NoDelay = true;
                var serving = ServeAsync(viewer, from, serve, cancellationToken);
                _viewers.Add(serving);
                _ = serving.ContinueWith(done => { lock (_sync) { _viewers.Remove(done); } }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    private static async Task ServeAsync(Socket viewer, string from, Func<Socket, string, CancellationToken, Task> serve, CancellationToken cancellationToken)
    {
        // Off the accept loop at once: the handshake waits on the viewer.
        await Task.Yield();
        await serve(viewer, from, cancellationToken).ConfigureAwait(false);
    }

    private async Task ServeTcpAsync(Socket viewer, string from, CancellationToken cancellationToken)
    {
        _options.Log?.Invoke($"viewer connected from {from}");
        var stream = new NetworkStream(viewer, ownsSocket: true);
        await using (stream.ConfigureAwait(false))
        {
            var end = await RfbServer.ServeAsync(stream, _screen, _server, cancellationToken).ConfigureAwait(false);
            _options.Log?.Invoke($"viewer {from} left ({end})");
        }
    }

    private async Task ServeWebSocketAsync(Socket viewer, string from, CancellationToken cancellationToken)
    {
        var network = new NetworkStream(viewer, ownsSocket: true);
        await using (network.ConfigureAwait(false))
        {
            WebSocketAcceptResult accepted;
            try
            {
                accepted = await WebSocketAcceptor.AcceptAsync(network, _webSocket, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The gateway stopped while this viewer was still asking to upgrade.
                return;
            }

            if (accepted.WebSocket is null)
            {
                _options.Log?.Invoke($"WebSocket viewer from {from} refused: {accepted.Decision.Describe()}");
                return;
            }

            var origin = accepted.Decision.Origin is { } page ? $", page {page}" : "";
            _options.Log?.Invoke($"viewer connected from {from} (WebSocket{origin})");
            var stream = new WebSocketBinaryStream(accepted.WebSocket, _webSocket.CloseTimeout);
            await using (stream.ConfigureAwait(false))
            {
                var end = await RfbServer.ServeAsync(stream, _screen, _server, cancellationToken).ConfigureAwait(false);
                _options.Log?.Invoke($"viewer {from} left ({end})");
            }
        }
    }
}
