using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Wire;
using SharpAmt.Redirection.Wire.Messages;
using SharpAmt.Transport;
using SharpAmt.Transport.Net;

namespace SharpAmt.Redirection.Sol;

/// <summary>
/// A Serial-over-LAN console: bytes the host writes to its AMT serial port arrive through <see cref="ReadAsync"/>,
/// bytes given to <see cref="WriteAsync"/> reach it as keystrokes. One background loop reads the device (data,
/// line controls, keep-alive pings); another sends a heartbeat. <see cref="CloseAsync"/> ends it in order
/// (0x22, 0x23, 0x12); <see cref="DisposeAsync"/> just drops the connection, as MeshCommander does.
/// </summary>
public sealed class SolSession : ISolConsole
{
    private readonly RedirectionSession _session;
    private readonly SolSessionOptions _options;
    private readonly Channel<ReadOnlyMemory<byte>> _received;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _endReplied = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task _pump;
    private readonly Task _heartbeat;
    private ReadOnlyMemory<byte> _pending;
    private Exception? _failure;
    private volatile bool _closing;
    private int _sequence;
    private int _disposed;
    private long _lastReceived = Environment.TickCount64;

    private SolSession(RedirectionSession session, SolSessionOptions options)
    {
        _session = session;
        _options = options;
        _received = Channel.CreateBounded<ReadOnlyMemory<byte>>(new BoundedChannelOptions(options.ReceiveQueueLength) { SingleReader = true, SingleWriter = true });
        _pump = Task.Run(PumpAsync);
        _heartbeat = options.HeartbeatInterval > TimeSpan.Zero ? Task.Run(HeartbeatAsync) : Task.CompletedTask;
    }

    public string Endpoint => _session.Endpoint;

    /// <summary>The authentication type the session logged in with.</summary>
    public AuthenticationType Authentication => _session.Authentication;

    /// <summary>The line status from the last 0x29; null until the device sent one.</summary>
    public SolStatus? HostStatus { get; private set; }

    /// <summary>Whether the host is powered on, from the last 0x29; null until known.</summary>
    public bool? HostPoweredOn => HostStatus is { } status ? (status & SolStatus.SystemPowerState) != 0 : null;

    /// <summary>Connects, logs in and starts SOL.</summary>
    public static async Task<SolSession> OpenAsync(RedirectionClientOptions options, SolSessionOptions? solOptions = null, CancellationToken cancellationToken = default)
    {
        var session = await RedirectionClient.ConnectAsync(options, RedirectionSessionType.Sol, cancellationToken).ConfigureAwait(false);
        try
        {
            return await StartAsync(session, solOptions, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts SOL (0x20/0x21) on an authenticated session, which the returned object then owns.</summary>
    public static async Task<SolSession> StartAsync(RedirectionSession session, SolSessionOptions? solOptions = null, CancellationToken cancellationToken = default)
    {
        var options = solOptions ?? SolSessionOptions.Default;
        var channel = session.Channel;
        channel.Table = RedirectionFrameTable.Sol;
        await channel.SendAsync(options.Start with { Sequence = 0 }, cancellationToken).ConfigureAwait(false);
        var frame = await session.ReadReplyAsync("SOL start reply (0x21)", cancellationToken).ConfigureAwait(false);
        var reply = frame.Type == RedirectionMessageType.StartSolRedirectionReply
            ? StartSolRedirectionReply.Read(frame)
            : throw RedirectionClient.Unexpected(channel, frame, "the SOL start reply (0x21)");
        if (reply.Status != RedirectionStatus.Success)
        {
            throw new RedirectionRefusedException(channel.Endpoint, RedirectionSessionType.Sol, reply.Status);
        }

        return new SolSession(session, options);
    }

    /// <summary>
    /// Copies received console output into <paramref name="buffer"/>; 0 when the session ended in order.
    /// </summary>
    /// <exception cref="AmtConnectionException">The device dropped the connection.</exception>
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (_pending.IsEmpty)
        {
            if (_received.Reader.TryRead(out var chunk))
            {
                _pending = chunk;
                break;
            }

            if (!await _received.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (_failure is { } failure)
                {
                    ExceptionDispatchInfo.Throw(failure);
                }

                return 0;
            }
        }

        var count = Math.Min(buffer.Length, _pending.Length);
        _pending[..count].CopyTo(buffer);
        _pending = _pending[count..];
        return count;
    }

    /// <summary>Sends keystrokes to the host, split into messages of at most <see cref="SolSessionOptions.MaxWriteChunk"/> bytes.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        while (!data.IsEmpty)
        {
            var chunk = data[..Math.Min(data.Length, _options.MaxWriteChunk)];
            await _session.Channel.SendAsync(SolData.ToHost(chunk, NextSequence()), cancellationToken).ConfigureAwait(false);
            data = data[chunk.Length..];
        }
    }

    /// <summary>Ends the session in order: 0x22, the device's 0x23 (waited for briefly), 0x12, close.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (_disposed == 0 && !_pump.IsCompleted)
        {
            _closing = true;
            try
            {
                await _session.Channel.SendAsync(SolSignal.End(), cancellationToken).ConfigureAwait(false);
                await _endReplied.Task.WaitAsync(_options.CloseTimeout, cancellationToken).ConfigureAwait(false);
                await _session.Channel.SendAsync(EndRedirectionSession.Instance, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is AmtConnectionException or TimeoutException)
            {
                // The device went away first, or never answered the END: the close below ends it either way.
            }
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Drops the connection without an orderly end.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _closing = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(_pump, _heartbeat).ConfigureAwait(false);
        await _session.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private uint NextSequence() => (uint)Interlocked.Increment(ref _sequence);

    private async Task PumpAsync()
    {
        var channel = _session.Channel;
        try
        {
            while (true)
            {
                var frame = await channel.ReadAsync(_stopping.Token).ConfigureAwait(false);
                Volatile.Write(ref _lastReceived, Environment.TickCount64);
                if (frame is not { } received)
                {
                    if (!_closing)
                    {
                        _failure = new AmtConnectionException(Endpoint, ConnectionFailure.Reset, $"{Endpoint}: the device closed the SOL session");
                    }

                    return;
                }

                switch (received.Type)
                {
                    case RedirectionMessageType.SolDataFromHost:
                        var data = SolData.Read(received).Data;
                        if (!data.IsEmpty)
                        {
                            await _received.Writer.WriteAsync(data, _stopping.Token).ConfigureAwait(false);
                        }

                        break;
                    case RedirectionMessageType.SolControlsFromHost:
                        HostStatus = SolControls.Read(received).Status;
                        break;
                    case RedirectionMessageType.SolKeepAlivePing:
                        await channel.SendAsync(SolSignal.Pong(SolSignal.Read(received).Sequence), _stopping.Token).ConfigureAwait(false);
                        break;
                    case RedirectionMessageType.SolHeartbeat:
                    case RedirectionMessageType.SolKeepAlivePong:
                        // The device is alive; nothing to answer (MeshCommander consumes them silently too).
                        break;
                    case RedirectionMessageType.EndSolRedirectionReply:
                        _endReplied.TrySetResult();
                        return;
                    default:
                        throw RedirectionClient.Unexpected(channel, received, "SOL data, controls or a heartbeat");
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (AmtException exception)
        {
            if (!_closing)
            {
                _failure = exception;
            }
        }
        finally
        {
            _endReplied.TrySetResult();
            _received.Writer.TryComplete();
        }
    }

    private bool IsSilentTooLong() =>
        _options.SilenceTimeout > TimeSpan.Zero
        && Environment.TickCount64 - Volatile.Read(ref _lastReceived) > (long)_options.SilenceTimeout.TotalMilliseconds;

    private async Task HeartbeatAsync()
    {
        using var timer = new PeriodicTimer(_options.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stopping.Token).ConfigureAwait(false) && !_pump.IsCompleted)
            {
                if (IsSilentTooLong())
                {
                    // A device that vanished without a reset (cable, power, a crashed ME) never closes the
                    // connection: without this a reader would wait forever.
                    _failure = new AmtConnectionException(Endpoint, ConnectionFailure.TimedOut,
                        $"{Endpoint}: no traffic from the device for {Endpoints.Seconds(_options.SilenceTimeout)}; the SOL connection is lost");
                    await _stopping.CancelAsync().ConfigureAwait(false);
                    return;
                }

                await _session.Channel.SendAsync(SolSignal.Heartbeat(NextSequence()), _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or AmtConnectionException)
        {
            // The session ended; the pump reports why.
        }
    }
}
