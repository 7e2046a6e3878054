using System.Net;
using System.Net.Sockets;
using SharpAmt.Redirection.Kvm.Server;

namespace SharpAmt.Redirection.Kvm.Gateway;

/// <summary>
/// Lets ordinary VNC viewers see and drive an AMT device: listens on a local endpoint and serves each viewer a
/// standard RFB 3.8 server (32-bit true colour, ZRLE or RAW, DesktopSize; security None or a VNC password) over one
/// shared <see cref="KvmGatewayScreen"/>. Viewers share the device's single KVM session: all see the same picture and
/// all can type. The gateway does not own the screen.
/// </summary>
public sealed class KvmGateway : IAsyncDisposable
{
    private readonly KvmGatewayScreen _screen;
    private readonly KvmGatewayOptions _options;
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _sync = new();
    private readonly HashSet<Task> _viewers = [];
    private readonly Task _accepting;
    private int _disposed;

    private KvmGateway(KvmGatewayScreen screen, KvmGatewayOptions options, Socket listener)
    {
        _screen = screen;
        _options = options;
        _listener = listener;
        Endpoint = (IPEndPoint)listener.LocalEndPoint!;
        _accepting = Task.Run(() => AcceptAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>Where viewers connect: the listen endpoint with the port actually bound.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>Viewers connected now.</summary>
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

    /// <summary>Binds <see cref="KvmGatewayOptions.Listen"/> and starts accepting viewers.</summary>
    /// <exception cref="SocketException">The endpoint is in use or not local.</exception>
    public static KvmGateway Start(KvmGatewayScreen screen, KvmGatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxViewers, 1);
        var listener = new Socket(options.Listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(options.Listen);
            listener.Listen(options.MaxViewers);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        return new KvmGateway(screen, options, listener);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
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

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        var server = RfbServerOptions.Standard(_options.VncPassword) with { Name = _options.Name, Log = _options.Log, ViewOnly = _options.ViewOnly };
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket viewer;
            try
            {
                viewer = await _listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            lock (_sync)
            {
                if (_viewers.Count >= _options.MaxViewers)
                {
                    _options.Log?.Invoke($"viewer from {viewer.RemoteEndPoint} refused: {_options.MaxViewers} viewers are connected already");
                    viewer.Dispose();
                    continue;
                }

                viewer.NoDelay = true;
                var serving = ServeAsync(viewer, server, cancellationToken);
                _viewers.Add(serving);
                _ = serving.ContinueWith(done => { lock (_sync) { _viewers.Remove(done); } }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    private async Task ServeAsync(Socket viewer, RfbServerOptions server, CancellationToken cancellationToken)
    {
        // Off the accept loop at once: the handshake waits on the viewer.
        await Task.Yield();
        var from = viewer.RemoteEndPoint?.ToString() ?? "a viewer";
        _options.Log?.Invoke($"viewer connected from {from}");
        var stream = new NetworkStream(viewer, ownsSocket: true);
        await using (stream.ConfigureAwait(false))
        {
            var end = await RfbServer.ServeAsync(stream, _screen, server, cancellationToken).ConfigureAwait(false);
            _options.Log?.Invoke($"viewer {from} left ({end})");
        }
    }
}
