using System.ComponentModel;
using System.Net;
using System.Net.Sockets;
using SharpAmt.Transport.Net;

namespace SharpAmt.Transport.Relay;

/// <summary>
/// Reaches devices through an SSH jump host with the system's OpenSSH client, so the user's ssh
/// configuration, keys and agent apply, as with <c>ssh -L</c> by hand. One <c>ssh -N -D</c> process per relay,
/// started on the first connection, carries every connection made through it (a fleet shares one login), and
/// each connection asks its SOCKS port for the device.
/// </summary>
/// <remarks>
/// Why one <c>ssh -D</c> rather than an <c>ssh -W host:port</c> per connection behind a ControlMaster: -W costs
/// a process per open connection, a thousand of them for a fleet of a thousand kept-alive devices, while -D
/// costs one. And OpenSSH answers a SOCKS request only after the far side has connected, closing it when that
/// fails and logging why, so failures still surface at connect time with their reason. The price: the SOCKS
/// port on 127.0.0.1 is usable by other local users while the relay runs, exactly as with a hand-made
/// <c>ssh -D</c> or <c>-L</c>; on a shared machine that matters.
/// </remarks>
public sealed class SshRelay : IConnectionDialer, IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _disposed = new();
    private SshTunnel? _tunnel;
    private Task<SshTunnel>? _starting;
    private int _sessions;

    public SshRelay(SshRelayTarget target, SshRelayOptions? options = null)
    {
        Target = target;
        Options = options ?? new SshRelayOptions();
    }

    public SshRelayTarget Target { get; }

    public SshRelayOptions Options { get; }

    /// <summary>ssh sessions started so far: one for as long as the relay stays up, however many connections it carries.</summary>
    public int SessionsStarted => Volatile.Read(ref _sessions);

    /// <summary>The SOCKS port of the running ssh, if one runs.</summary>
    internal int? SocksPort
    {
        get
        {
            lock (_lock)
            {
                return _tunnel is { HasExited: false } tunnel ? tunnel.Port : null;
            }
        }
    }

    public async Task<Stream> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var endpoint = Endpoints.Format(host, port);
        var tunnel = await GetTunnelAsync(timeout).WaitAsync(cancellationToken).ConfigureAwait(false);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        NetworkStream? stream = null;
        var mark = tunnel.FailureMark;
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, tunnel.Port), timeoutSource.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            var reply = await Socks5Client.ConnectAsync(stream, host, port, timeoutSource.Token).ConfigureAwait(false);
            if (reply == Socks5Reply.Succeeded)
            {
                return stream;
            }

            throw RelayFailures.FromReply(endpoint, Target, reply);
        }
        catch (Exception exception) when (exception is EndOfStreamException or IOException or SocketException)
        {
            Close(socket, stream);
            var reason = await tunnel.TakeOpenFailureAsync(mark, cancellationToken).ConfigureAwait(false);
            if (reason is null && await tunnel.HasEndedAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new AmtRelayException(Target.ToString(), $"ssh relay {Target}: {tunnel.ExitReason}", exception);
            }

            throw RelayFailures.FromOpenFailure(endpoint, Target, reason, exception);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            Close(socket, stream);
            throw RelayFailures.TimedOut(endpoint, Target, timeout, exception);
        }
        catch (InvalidDataException exception)
        {
            Close(socket, stream);
            throw new AmtRelayException(Target.ToString(), $"ssh relay {Target}: {exception.Message}", exception);
        }
        catch (ArgumentException exception)
        {
            Close(socket, stream);
            throw new AmtConnectionException(endpoint, ConnectionFailure.NameNotResolved, $"{endpoint}: {exception.Message}", exception);
        }
        catch
        {
            Close(socket, stream);
            throw;
        }
    }

    private static void Close(Socket socket, NetworkStream? stream)
    {
        if (stream is null)
        {
            socket.Dispose();
        }
        else
        {
            stream.Dispose();
        }
    }

    /// <summary>
    /// The running ssh, or the start every caller shares until it is up. The start is bounded by its own
    /// timeout and not by the first caller's token, so one caller giving up does not fail the others.
    /// </summary>
    private Task<SshTunnel> GetTunnelAsync(TimeSpan connectTimeout)
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            if (_tunnel is { HasExited: false } running)
            {
                return Task.FromResult(running);
            }

            if (_starting is null || _starting.IsCompleted)
            {
                var timeout = Options.StartTimeout ?? connectTimeout;
                _starting = Task.Run(() => StartAsync(timeout));
            }

            return _starting;
        }
    }

    private async Task<SshTunnel> StartAsync(TimeSpan timeout)
    {
        SshTunnel? ended;
        lock (_lock)
        {
            ended = _tunnel;
            _tunnel = null;
        }

        if (ended is not null)
        {
            await ended.DisposeAsync().ConfigureAwait(false);
        }

        SshTunnel tunnel;
        try
        {
            tunnel = await SshTunnel.StartAsync(Target, Options, timeout, _disposed.Token).ConfigureAwait(false);
        }
        catch (Win32Exception exception)
        {
            throw new AmtRelayException(Target.ToString(), $"ssh relay {Target}: cannot run {Options.SshCommand}: {exception.Message}", exception);
        }

        lock (_lock)
        {
            if (!_disposed.IsCancellationRequested)
            {
                _tunnel = tunnel;
                _sessions++;
                return tunnel;
            }
        }

        await tunnel.DisposeAsync().ConfigureAwait(false);
        throw new ObjectDisposedException(nameof(SshRelay));
    }

    /// <summary>Ends the ssh process; connections it carried break.</summary>
    public async ValueTask DisposeAsync()
    {
        SshTunnel? tunnel;
        lock (_lock)
        {
            if (_disposed.IsCancellationRequested)
            {
                return;
            }

            _disposed.Cancel();
            tunnel = _tunnel;
            _tunnel = null;
        }

        if (tunnel is not null)
        {
            await tunnel.DisposeAsync().ConfigureAwait(false);
        }
    }

    public override string ToString() => $"ssh relay {Target}";
}
