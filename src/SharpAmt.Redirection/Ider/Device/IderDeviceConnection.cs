using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Ider.Wire.Messages;
using SharpAmt.Redirection.Wire;
using SharpAmt.Transport;

namespace SharpAmt.Redirection.Ider.Device;

/// <summary>
/// One attached IDE-R session on the device side: numbers and sends the device's messages, reads the client's,
/// copies 0x54 data straight from the receive buffer into the waiting command's destination, and fails whatever
/// the host waits for when the session ends or the channel is reset.
/// </summary>
internal sealed class IderDeviceConnection : IDisposable
{
    /// <summary>Protocol version in the 0x41 (bytes 8–9). What real firmware sends there is unconfirmed; no client checks it.</summary>
    private const byte ProtocolMajor = 1;
    private const byte ProtocolMinor = 0;

    private readonly IderDeviceFeature _feature;
    private readonly RedirectionChannel _channel;
    private readonly Lock _sync = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly SemaphoreSlim _commands = new(1, 1);
    private readonly CancellationTokenSource _ended = new();
    private readonly byte[] _outgoing = new byte[64];
    private readonly InPlaceFrameHandler _onFrame;
    private uint _sequence;
    private PendingCommand? _pending;
    private TaskCompletionSource? _reset;
    private string? _endReason;

    /// <summary>A command was given up (cancelled or timed out) while its answer was still coming; only touched under the command lock.</summary>
    private bool _abandoned;
    private IderMessageType _received;
    private IderDisableEnableFeatures _featureRequest;

    public IderDeviceConnection(IderDeviceFeature feature, RedirectionChannel channel)
    {
        _feature = feature;
        _channel = channel;
        _onFrame = OnFrame;
    }

    public bool Enabled { get; private set; }

    public IderStartMode StartMode { get; private set; }

    /// <summary>The 0x41 with a non-zero status, for a session that lost the race for the port or for consent.</summary>
    public ValueTask RefuseAsync(RedirectionStatus status, CancellationToken cancellationToken) => SendAsync(OpenReply((byte)status), cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _ended.Token);
        Task heartbeat = Task.CompletedTask;
        try
        {
            await SendAsync(OpenReply(0), cancellationToken).ConfigureAwait(false);
            heartbeat = HeartbeatAsync(stopping.Token);
            End(await ReceiveAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (AmtConnectionException)
        {
            End("the IDE-R connection broke");
            throw;
        }
        catch (AmtProtocolException exception)
        {
            End($"the IDE-R client broke the protocol ({exception.Message})");
            throw;
        }
        finally
        {
            End("the IDE-R session ended");
            await stopping.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
        }
    }

    /// <summary>Fails what the host waits for with <paramref name="reason"/>; the first reason given wins.</summary>
    public void End(string reason)
    {
        PendingCommand? pending;
        TaskCompletionSource? reset;
        lock (_sync)
        {
            _endReason ??= reason;
            reason = _endReason;
            pending = _pending;
            _pending = null;
            reset = _reset;
            _reset = null;
        }

        pending?.Fail(new AtapiHostException($"{reason} while the host waited for {pending.What}"));
        reset?.TrySetException(new AtapiHostException($"{reason} while the host waited for the reset to be acknowledged"));
        if (!_ended.IsCancellationRequested)
        {
            _ended.Cancel();
        }
    }

    public async ValueTask<AtapiReply> SendCommandAsync(IderHostDrive drive, AtapiCdb cdb, Memory<byte> data, CancellationToken cancellationToken)
    {
        var what = $"{CommandName(cdb.OperationCode)} on the IDE-R {drive.Describe()}";
        lock (_sync)
        {
            ThrowIfEnded(what);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _ended.Token);
        limit.CancelAfter(_feature.CommandTimeout);
        PendingCommand? pending = null;
        var holding = false;
        var sent = false;
        try
        {
            await _commands.WaitAsync(limit.Token).ConfigureAwait(false);
            holding = true;
            if (_abandoned)
            {
                // The client may still be answering a command the host gave up on; a reset makes it stop and tells
                // where its last stale byte is (before the 0x47), so none of it lands in this command's buffer.
                _abandoned = false;
                await ResetAsync(limit.Token).ConfigureAwait(false);
            }

            Task? reset;
            lock (_sync)
            {
                ThrowIfEnded(what);
                reset = _reset?.Task;
            }

            if (reset is not null)
            {
                await reset.WaitAsync(limit.Token).ConfigureAwait(false);
            }

            pending = new PendingCommand(data, what);
            lock (_sync)
            {
                ThrowIfEnded(what);
                _pending = pending;
            }

            await SendAsync(new IderCommandWritten(0, cdb, drive.Register()), limit.Token).ConfigureAwait(false);
            sent = true;
            return await pending.Task.WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            lock (_sync)
            {
                ThrowIfEnded(what);
            }

            throw new AtapiHostException($"no answer to {what} within {Seconds(_feature.CommandTimeout)}");
        }
        catch (AmtConnectionException exception)
        {
            throw new AtapiHostException($"the IDE-R connection broke while the host sent {what}: {exception.Message}");
        }
        catch (ObjectDisposedException)
        {
            // The session ended and was cleaned up while this command started.
            throw new AtapiHostException($"{_endReason ?? "the IDE-R session ended"} while the host waited for {what}");
        }
        finally
        {
            lock (_sync)
            {
                if (_pending == pending)
                {
                    _pending = null;
                }
            }

            if (sent && pending is { Task.IsCompleted: false })
            {
                _abandoned = true;
            }

            if (holding)
            {
                ReleaseCommandLock();
            }
        }
    }

    public void Dispose()
    {
        End("the IDE-R session ended");
        _ended.Dispose();
        _sending.Dispose();
        _commands.Dispose();
    }

    private void ReleaseCommandLock()
    {
        try
        {
            _commands.Release();
        }
        catch (ObjectDisposedException)
        {
            // The session was cleaned up while the command failed; nothing waits for the lock any more.
        }
    }

    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource reset;
        PendingCommand? interrupted = null;
        var starts = false;
        lock (_sync)
        {
            ThrowIfEnded("a reset");
            if (_reset is { } running)
            {
                reset = running;
            }
            else
            {
                reset = _reset = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                interrupted = _pending;
                _pending = null;
                starts = true;
            }
        }

        // Whatever the client still sends for an interrupted command arrives before its 0x47 and is dropped.
        interrupted?.Fail(new AtapiHostException($"the host reset the IDE-R drives during {interrupted.What}"));
        if (starts)
        {
            try
            {
                await SendAsync(new IderResetOccurred(0, 0), cancellationToken).ConfigureAwait(false);
            }
            catch (AmtConnectionException exception)
            {
                throw new AtapiHostException($"the IDE-R connection broke while the host reset the drives: {exception.Message}");
            }
        }

        try
        {
            await reset.Task.WaitAsync(_feature.ResetTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            lock (_sync)
            {
                if (_reset == reset)
                {
                    _reset = null;
                }
            }

            throw new AtapiHostException($"the IDE-R client did not acknowledge the reset (0x47) within {Seconds(_feature.ResetTimeout)}");
        }
    }

    /// <summary>Reads until the client ends or drops the session; returns why it ended.</summary>
    private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        // Bounded by the connection: every turn consumes one whole message, and the loop ends when it closes.
        while (await _channel.ReadInPlaceAsync(_onFrame, cancellationToken).ConfigureAwait(false))
        {
            switch (_received)
            {
                case IderMessageType.IDER_DISABLE_ENABLE_FEATURES:
                    await SendAsync(Answer(_featureRequest), cancellationToken).ConfigureAwait(false);
                    break;
                case IderMessageType.IDER_KEEP_ALIVE_PING:
                    await SendAsync(new IderHeaderMessage(IderMessageType.IDER_KEEP_ALIVE_PONG, 0), cancellationToken).ConfigureAwait(false);
                    break;
                case IderMessageType.END_IDER_REDIRECTION:
                    // The drives are free before the client hears so: a client that reconnects at once is not told BUSY.
                    End("the IDE-R client ended the session");
                    _feature.Port.Detach(this);
                    await SendAsync(new IderHeaderMessage(IderMessageType.END_IDER_REDIRECTION_REPLY, 0), cancellationToken).ConfigureAwait(false);
                    return "the IDE-R client ended the session";
            }
        }

        return "the IDE-R client closed the connection";
    }

    /// <summary>Runs on the reader while the message is still in the receive buffer; replies are sent after it returns.</summary>
    private void OnFrame(RedirectionMessageType type, ReadOnlySequence<byte> bytes)
    {
        _received = (IderMessageType)type;
        switch (_received)
        {
            case IderMessageType.IDER_DATA_TO_HOST:
                OnData(bytes);
                break;
            case IderMessageType.IDER_COMMAND_END_RESPONSE:
                OnCommandEnd(bytes);
                break;
            case IderMessageType.IDER_RESET_OCCURED_RESPONSE:
                OnResetAcknowledged();
                break;
            case IderMessageType.IDER_DISABLE_ENABLE_FEATURES:
                var reader = new SequenceReader<byte>(bytes);
                IderDisableEnableFeatures.TryRead(ref reader, out _featureRequest);
                break;
            case IderMessageType.START_IDER_REDIRECTION or IderMessageType.END_IDER_REDIRECTION or IderMessageType.IDER_KEEP_ALIVE_PING
                or IderMessageType.IDER_KEEP_ALIVE_PONG or IderMessageType.IDER_HEARTBEAT or IderMessageType.IDER_GET_DATA_FROM_HOST:
                // A repeated open, pings, pongs and echoed heartbeats need nothing here; the host never writes, so a
                // request for write data has nothing to answer.
                break;
            default:
                throw new AmtProtocolException(ProtocolViolation.UnexpectedRedirectionMessage, $"0x{(byte)type:X2} from an IDE-R client", _channel.Endpoint);
        }
    }

    private void OnData(ReadOnlySequence<byte> bytes)
    {
        Span<byte> header = stackalloc byte[IderDataToHost.HeaderSize];
        bytes.Slice(0, IderDataToHost.HeaderSize).CopyTo(header);
        var pending = Current();
        if (pending is null)
        {
            return;
        }

        var data = bytes.Slice(IderDataToHost.HeaderSize);
        var take = (int)Math.Min(data.Length, pending.Destination.Length - pending.Received);
        data.Slice(0, take).CopyTo(pending.Destination.Span[pending.Received..]);
        pending.Received += take;
        if (((IderAttributes)header[3] & IderAttributes.Completed) != 0)
        {
            pending.Complete(new AtapiReply(pending.Received, SenseOf(header)));
        }
    }

    private void OnCommandEnd(ReadOnlySequence<byte> bytes)
    {
        Span<byte> message = stackalloc byte[IderCommandEndResponse.Size];
        bytes.Slice(0, IderCommandEndResponse.Size).CopyTo(message);
        if (Current() is { } pending)
        {
            pending.Complete(new AtapiReply(pending.Received, SenseOf(message)));
        }
    }

    private void OnResetAcknowledged()
    {
        TaskCompletionSource? reset;
        lock (_sync)
        {
            reset = _reset;
            _reset = null;
        }

        reset?.TrySetResult();
    }

    /// <summary>The command data may be delivered to: none while a reset waits for its 0x47.</summary>
    private PendingCommand? Current()
    {
        lock (_sync)
        {
            return _reset is null ? _pending : null;
        }
    }

    /// <summary>
    /// The sense of 0x51 and of a completed 0x54 (bytes 28–30). A status with ERR but no sense still fails the
    /// command, as ABORTED COMMAND with the error register's key if it has one.
    /// </summary>
    private static AtapiSense SenseOf(ReadOnlySpan<byte> message)
    {
        var sense = new AtapiSense(message[28], message[29], message[30]);
        var status = message[27];
        if (sense.IsGood && (status & AtaRegisters.StatusError) != 0)
        {
            var key = (byte)(message[21] >> 4);
            return new AtapiSense(key != 0 ? key : (byte)0x0B, 0, 0);
        }

        return sense;
    }

    private IderDisableEnableFeaturesReply Answer(IderDisableEnableFeatures request)
    {
        switch (request.Request)
        {
            case IderFeatureRequest.GetSupported:
                // Bit 0: the set request is supported.
                return new IderDisableEnableFeaturesReply(0, request.Request, 1);
            case IderFeatureRequest.GetRegisterState:
                return new IderDisableEnableFeaturesReply(0, request.Request, Enabled ? 0x02u : 0u);
            case IderFeatureRequest.SetRegisterState:
                Enabled = (request.Value & (uint)IderStartMode.Enable) != 0;
                StartMode = Enabled ? request.StartMode : IderStartMode.None;
                _feature.Port.RaiseStateChanged();
                return new IderDisableEnableFeaturesReply(0, request.Request, 1);
            default:
                return new IderDisableEnableFeaturesReply(0, request.Request, 0);
        }
    }

    private IderOpenSessionReply OpenReply(byte status) =>
        new(0, status, ProtocolMajor, ProtocolMinor, _feature.FirmwareMajor, _feature.FirmwareMinor, _feature.ReadBufferSize, _feature.WriteBufferSize);

    /// <summary>Sends one message as its own write, numbered with the device's next sequence number.</summary>
    private async ValueTask SendAsync<T>(T message, CancellationToken cancellationToken) where T : struct, IIderMessage<T>
    {
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var size = message.Write(_outgoing);

            // Numbered here, under the send lock, so that the numbers follow the order on the wire.
            BinaryPrimitives.WriteUInt32LittleEndian(_outgoing.AsSpan(4), _sequence);
            await _channel.SendEncodedAsync(_outgoing.AsMemory(0, size), (RedirectionMessageType)_outgoing[0], cancellationToken).ConfigureAwait(false);
            _sequence++;
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>
    /// A 0x4B now and then while no command is outstanding. It holds the command lock so that no 0x50 follows it
    /// within the same read of an old client, which may drop what comes after a message it handles.
    /// </summary>
    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        if (_feature.HeartbeatInterval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(_feature.HeartbeatInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                if (!await _commands.WaitAsync(0, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                try
                {
                    if (Current() is null)
                    {
                        await SendAsync(new IderHeaderMessage(IderMessageType.IDER_HEARTBEAT, 0), cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    ReleaseCommandLock();
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or AmtConnectionException or ObjectDisposedException)
        {
            // The session is over; the receive loop reports why.
        }
    }

    private void ThrowIfEnded(string what)
    {
        if (_endReason is { } reason)
        {
            throw new AtapiHostException($"{reason} while the host waited for {what}");
        }
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    private static string CommandName(byte operation) => operation switch
    {
        0x00 => "TEST UNIT READY",
        0x12 => "INQUIRY",
        0x1A => "MODE SENSE(6)",
        0x23 => "READ FORMAT CAPACITIES",
        0x25 => "READ CAPACITY",
        0x28 => "READ(10)",
        0x43 => "READ TOC",
        0x5A => "MODE SENSE(10)",
        _ => "command 0x" + operation.ToString("X2", CultureInfo.InvariantCulture),
    };

    private sealed class PendingCommand(Memory<byte> destination, string what)
    {
        private readonly TaskCompletionSource<AtapiReply> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Memory<byte> Destination { get; } = destination;

        public string What { get; } = what;

        /// <summary>Bytes copied into <see cref="Destination"/>; only the reader touches it.</summary>
        public int Received { get; set; }

        public Task<AtapiReply> Task => _done.Task;

        public void Complete(AtapiReply reply) => _done.TrySetResult(reply);

        public void Fail(Exception exception) => _done.TrySetException(exception);
    }
}
