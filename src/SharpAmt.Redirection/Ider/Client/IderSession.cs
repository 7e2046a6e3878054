using System.Buffers;
using System.Diagnostics;
using System.Threading.Channels;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Ider.Wire.Messages;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Wire;
using SharpAmt.Transport;

namespace SharpAmt.Redirection.Ider.Client;

/// <summary>
/// An IDE-R session: the client is the disk (reference §6.5). It opens IDE-R (0x40/0x41), enables the drives with a
/// start mode (0x48/0x49), then answers the host's ATAPI commands (0x50) one at a time, in order, from the CD and
/// floppy images, with data (0x54) or status (0x51). A reader task handles the device's messages as they come
/// (a reset 0x46 interrupts the command being answered); a worker task answers the commands.
/// <see cref="CloseAsync"/> ends it in order (0x42, 0x43); <see cref="DisposeAsync"/> just drops the connection.
/// </summary>
public sealed class IderSession : IAsyncDisposable
{
    private readonly RedirectionSession _session;
    private readonly IderSessionOptions _options;
    private readonly AtapiDisk _cdrom;
    private readonly AtapiDisk _floppy;
    private readonly IderCommandResponder _responder;
    private readonly IderClientWriter _writer;
    private readonly Channel<QueuedCommand> _commands;
    private readonly SemaphoreSlim _answering = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _errorsLock = new();
    private readonly List<IderErrorOccurred> _deviceErrors = [];
    private Task _reader = Task.CompletedTask;
    private Task _worker = Task.CompletedTask;
    private volatile bool _closing;
    private int _resetGeneration;
    private int _resets;
    private long _lastReadTimestamp;
    private byte _lastDrive = AtaRegisters.DriveCdrom;
    private int _disposed;

    private IderSession(RedirectionSession session, IderSessionOptions options, IderClientWriter writer)
    {
        _session = session;
        _options = options;
        _writer = writer;
        _cdrom = new AtapiDisk(AtapiDeviceKind.Cdrom, options.Cdrom);
        _floppy = new AtapiDisk(AtapiDeviceKind.Floppy, options.Floppy);
        _responder = new IderCommandResponder(_cdrom, _floppy);
        _commands = Channel.CreateBounded<QueuedCommand>(new BoundedChannelOptions(Math.Max(1, options.CommandQueueLength))
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public string Endpoint => _session.Endpoint;

    /// <summary>The bytes per data chunk the device accepts, from its 0x41.</summary>
    public int ReadBufferSize { get; private set; }

    /// <summary>Completes when the session is over: normally when the device ended it (0x43) or it was closed, with the failure otherwise.</summary>
    public Task Completion => _ended.Task;

    /// <summary>Device resets (0x46) answered so far.</summary>
    public int Resets => Volatile.Read(ref _resets);

    /// <summary>The errors the device reported (0x4A); MeshCommander only logs them, and so does this session.</summary>
    public IReadOnlyList<IderErrorOccurred> DeviceErrors
    {
        get
        {
            lock (_errorsLock)
            {
                return _deviceErrors.ToArray();
            }
        }
    }

    /// <summary>What one drive has served so far; readable at any time from any task.</summary>
    public IderProgress GetProgress(AtapiDeviceKind kind) => (kind == AtapiDeviceKind.Cdrom ? _cdrom : _floppy).GetProgress();

    /// <summary>Connects, logs in, opens IDE-R and enables the drives.</summary>
    public static async Task<IderSession> OpenAsync(RedirectionClientOptions options, IderSessionOptions iderOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(iderOptions);
        var session = await RedirectionClient.ConnectAsync(options, RedirectionSessionType.Ider, cancellationToken).ConfigureAwait(false);
        try
        {
            return await StartAsync(session, iderOptions, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Opens IDE-R (0x40/0x41) and enables it (0x48/0x49) on an authenticated session, which the returned object then owns.</summary>
    /// <exception cref="IderStartException">The device refused to open or to enable IDE-R.</exception>
    /// <exception cref="RedirectionRefusedException">The device refused to open IDE-R for want of user consent.</exception>
    public static async Task<IderSession> StartAsync(RedirectionSession session, IderSessionOptions iderOptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(iderOptions);
        var channel = session.Channel;
        channel.Table = IderFrames.Table;
        var writer = new IderClientWriter(channel, iderOptions.WriteBatchSize, firstSequence: 0);
        try
        {
            await writer.SendAloneAsync(iderOptions.Open with { Headerless = false }, cancellationToken).ConfigureAwait(false);
            var open = await ReadReplyAsync<IderOpenSessionReply>(session, IderMessageType.START_IDER_REDIRECTION_REPLY, "the IDE-R open reply (0x41)", cancellationToken)
                .ConfigureAwait(false);
            if (open.Status == (byte)RedirectionStatus.UserConsentRequired)
            {
                throw new RedirectionRefusedException(session.Endpoint, RedirectionSessionType.Ider, RedirectionStatus.UserConsentRequired);
            }

            if (open.Status != 0)
            {
                throw new IderStartException($"{session.Endpoint}: the device refused to open IDE-R (0x41 status {open.Status})");
            }

            await writer.SendAloneAsync(IderDisableEnableFeatures.Enable(0, iderOptions.StartMode), cancellationToken).ConfigureAwait(false);
            var enabled = await ReadReplyAsync<IderDisableEnableFeaturesReply>(session, IderMessageType.IDER_DISABLE_ENABLE_FEATURES_REPLY,
                "the IDE-R enable reply (0x49)", cancellationToken).ConfigureAwait(false);
            if (enabled.Request != IderFeatureRequest.SetRegisterState || enabled.Value != 1)
            {
                throw new IderStartException($"{session.Endpoint}: the device refused to enable IDE-R (0x49 type {(byte)enabled.Request}, value {enabled.Value})");
            }

            var ider = new IderSession(session, iderOptions, writer);
            ider.Start(open.ReadBufferSize);
            return ider;
        }
        catch
        {
            writer.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits until the host has read something and then read nothing for <paramref name="idle"/>: an installer that
    /// copied what it needed, or a BIOS that gave up. Also ends when no read came within <paramref name="firstRead"/>
    /// (the boot went elsewhere) or the session ended; the result says which.
    /// </summary>
    public async Task<IderHostActivity> WaitForHostIdleAsync(TimeSpan idle, TimeSpan firstRead, CancellationToken cancellationToken = default)
    {
        var step = TimeSpan.FromMilliseconds(Math.Clamp(idle.TotalMilliseconds / 4, 10, 250));
        var started = Stopwatch.GetTimestamp();
        // Bounded by firstRead until a read happens, then by the host's reads, the session's end and the caller's token.
        while (!Completion.IsCompleted)
        {
            var last = Interlocked.Read(ref _lastReadTimestamp);
            if (last != 0 && _answering.CurrentCount == 1 && Stopwatch.GetElapsedTime(last) >= idle)
            {
                return IderHostActivity.StoppedReading;
            }

            if (last == 0 && Stopwatch.GetElapsedTime(started) >= firstRead)
            {
                return IderHostActivity.NeverRead;
            }

            await Task.WhenAny(Completion, Task.Delay(step, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return IderHostActivity.SessionEnded;
    }

    /// <summary>Ends the session in order: 0x42, the device's 0x43 (waited for briefly), close.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        if (_disposed == 0 && !Completion.IsCompleted)
        {
            _closing = true;
            try
            {
                await _writer.SendAloneAsync(new IderHeaderMessage(IderMessageType.END_IDER_REDIRECTION, 0), cancellationToken).ConfigureAwait(false);
                await Completion.WaitAsync(_options.CloseTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is AmtException or TimeoutException)
            {
                // The device went away first, or never answered the END: the close below ends it either way.
            }
        }

        await DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Drops the connection without an orderly end (what MeshCommander always does).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _closing = true;
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _session.DisposeAsync().ConfigureAwait(false);
        await Task.WhenAll(_reader, _worker).ConfigureAwait(false);
        _ended.TrySetResult();
        _writer.Dispose();
        _answering.Dispose();
        _stopping.Dispose();
    }

    private void Start(ushort readBufferSize)
    {
        // A device that announces no size gets the 8 KiB both MeshCommander and amtider use.
        ReadBufferSize = readBufferSize == 0 ? AtapiDisk.DefaultChunkSize : readBufferSize;
        _responder.UseReadBufferSize(ReadBufferSize);
        _reader = Task.Run(ReadAsync);
        _worker = Task.Run(AnswerAsync);
    }

    private static async Task<T> ReadReplyAsync<T>(RedirectionSession session, IderMessageType expected, string waitingFor, CancellationToken cancellationToken)
        where T : struct, IIderMessage<T>
    {
        // Heartbeats may come first; a handful is the most a device sends before answering.
        for (var skipped = 0; skipped < 8; skipped++)
        {
            var frame = await session.ReadReplyAsync(waitingFor, cancellationToken).ConfigureAwait(false);
            if ((IderMessageType)frame.Type == IderMessageType.IDER_HEARTBEAT)
            {
                continue;
            }

            if ((IderMessageType)frame.Type != expected)
            {
                throw RedirectionClient.Unexpected(session.Channel, frame, waitingFor);
            }

            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(frame.Bytes));
            T.TryRead(ref reader, out var message);
            return message;
        }

        throw new AmtProtocolException(ProtocolViolation.UnexpectedRedirectionMessage, $"only heartbeats where {waitingFor} was expected", session.Endpoint);
    }

    /// <summary>The device's messages, handled as they come; commands are queued for <see cref="AnswerAsync"/>.</summary>
    private async Task ReadAsync()
    {
        var channel = _session.Channel;
        var token = _stopping.Token;
        Exception? failure = null;
        try
        {
            // Bounded by the connection: every turn consumes one message, and the loop ends when it closes.
            while (await channel.ReadAsync(token).ConfigureAwait(false) is { } frame)
            {
                var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(frame.Bytes));
                switch ((IderMessageType)frame.Type)
                {
                    case IderMessageType.IDER_COMMAND_WRITTEN:
                        IderCommandWritten.TryRead(ref reader, out var command);
                        await _commands.Writer.WriteAsync(new QueuedCommand(command, Volatile.Read(ref _resetGeneration)), token).ConfigureAwait(false);
                        break;
                    case IderMessageType.IDER_RESET_OCCURED:
                        await AnswerResetAsync(token).ConfigureAwait(false);
                        break;
                    case IderMessageType.IDER_HEARTBEAT:
                        // Answered as amtider does, so that a device timing out silent clients sees this one alive.
                        await _writer.SendAloneAsync(new IderHeaderMessage(IderMessageType.IDER_HEARTBEAT, 0), token).ConfigureAwait(false);
                        break;
                    case IderMessageType.IDER_KEEP_ALIVE_PING:
                        await _writer.SendAloneAsync(new IderHeaderMessage(IderMessageType.IDER_KEEP_ALIVE_PONG, 0), token).ConfigureAwait(false);
                        break;
                    case IderMessageType.IDER_DATA_FROM_HOST:
                        // The drives are read-only: any write data is refused as MeshCommander does, WRITE PROTECTED.
                        await _writer.SendAloneAsync(IderCommandEndResponse.For(0, _lastDrive, AtapiSense.WriteProtected), token).ConfigureAwait(false);
                        break;
                    case IderMessageType.IDER_ERROR_OCCURED:
                        IderErrorOccurred.TryRead(ref reader, out var error);
                        lock (_errorsLock)
                        {
                            _deviceErrors.Add(error);
                        }

                        break;
                    case IderMessageType.END_IDER_REDIRECTION_REPLY:
                        return;
                    case IderMessageType.IDER_KEEP_ALIVE_PONG or IderMessageType.START_IDER_REDIRECTION_REPLY or IderMessageType.IDER_DISABLE_ENABLE_FEATURES_REPLY:
                        break;
                    default:
                        throw RedirectionClient.Unexpected(channel, frame, "an IDE-R command, reset, heartbeat or end");
                }
            }

            if (!_closing)
            {
                failure = new AmtConnectionException(Endpoint, ConnectionFailure.Reset, $"{Endpoint}: the device closed the IDE-R session");
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is AmtException or IderProtocolException)
        {
            if (!_closing)
            {
                failure = exception is AmtConnectionException dropped ? Dropped(dropped) : exception;
            }
        }
        finally
        {
            _commands.Writer.TryComplete();
            Finish(failure);
        }
    }

    /// <summary>
    /// 0x46: the drives drop their transfer and report the reset next; the 0x47 goes out once the command being
    /// answered has stopped sending, and commands queued before the reset are dropped (MeshCommander does the same).
    /// </summary>
    private async Task AnswerResetAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _resetGeneration);
        _responder.Reset();
        if (!await _answering.WaitAsync(_options.ResetTimeout, cancellationToken).ConfigureAwait(false))
        {
            throw new AmtProtocolException(ProtocolViolation.UnexpectedRedirectionMessage,
                $"the answer to the command before a device reset did not stop within {_options.ResetTimeout.TotalSeconds:0.#} s", Endpoint);
        }

        try
        {
            await _writer.SendAloneAsync(new IderHeaderMessage(IderMessageType.IDER_RESET_OCCURED_RESPONSE, 0), cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _resets);
        }
        finally
        {
            _answering.Release();
        }
    }

    /// <summary>Answers the queued commands one at a time, in order.</summary>
    private async Task AnswerAsync()
    {
        var token = _stopping.Token;
        Exception? failure = null;
        try
        {
            await foreach (var queued in _commands.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                await _answering.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    if (queued.Generation != Volatile.Read(ref _resetGeneration))
                    {
                        continue;
                    }

                    var command = queued.Command;
                    _lastDrive = command.Device;
                    var disk = _responder.DiskFor(command);
                    var before = disk.GetProgress().BytesServed;
                    await _writer.BeginAnswerAsync(token).ConfigureAwait(false);
                    try
                    {
                        await _responder.RespondAsync(command, _writer, token).ConfigureAwait(false);
                    }
                    finally
                    {
                        await _writer.EndAnswerAsync(token).ConfigureAwait(false);
                    }

                    if (disk.GetProgress().BytesServed != before)
                    {
                        Interlocked.Exchange(ref _lastReadTimestamp, Stopwatch.GetTimestamp());
                    }
                }
                finally
                {
                    _answering.Release();
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception exception) when (exception is AmtException or IOException or UnauthorizedAccessException)
        {
            failure = exception switch
            {
                AmtConnectionException dropped => Dropped(dropped),
                AmtException => exception,
                _ => new AmtConnectionException(Endpoint, ConnectionFailure.Reset, $"{Endpoint}: reading the image failed: {exception.Message}", exception),
            };
        }

        if (failure is not null && !_closing)
        {
            Finish(failure);
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The connection broke under the session: said in IDE-R terms, with the transport's reason inside.</summary>
    private AmtConnectionException Dropped(AmtConnectionException exception) =>
        new(Endpoint, exception.Failure, $"{Endpoint}: the device closed the IDE-R session", exception);

    private void Finish(Exception? failure)
    {
        if (failure is null)
        {
            _ended.TrySetResult();
        }
        else
        {
            _ended.TrySetException(failure);
        }
    }

    private readonly record struct QueuedCommand(IderCommandWritten Command, int Generation);
}
