using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Kvm.Wire;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Wire;
using SharpAmt.Transport;

namespace SharpAmt.Redirection.Kvm.Client;

/// <summary>
/// A KVM session to a device (reference §6.6): opens the redirection connection with "KVMR", logs in, sends 0x40,
/// then speaks RFB and keeps a decoded copy of the screen up to date by asking for incremental updates one after the
/// other. It is itself an <see cref="IRfbScreen"/>, so a gateway can serve it to ordinary viewers: the picture is the
/// device's, keys and pointer go to the device.
/// </summary>
public sealed class KvmSession : IRfbScreen, IRfbChangeTracking, IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly KvmSessionOptions _options;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private readonly Channel<RfbClientMessage> _input = Channel.CreateBounded<RfbClientMessage>(new BoundedChannelOptions(4096) { SingleReader = true });
    private readonly Lock _sync = new();
    private readonly RfbFrameBuffer _frame;

    // Version 0 is the black picture before the first update; nobody holds it worth updating.
    private readonly RfbChangeLog _changes = new(firstVersion: 1);
    private readonly List<RfbRectangle> _collected = [];
    private readonly RfbRectangleDecoder _decoder;
    private readonly RfbServerMessageReader _messages;
    private readonly TaskCompletionSource _firstPicture = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _failure;
    private long _version;
    private long _updates;
    private bool _needFull;
    private Task _receiving = Task.CompletedTask;
    private Task _sendingInput = Task.CompletedTask;
    private int _disposed;

    private KvmSession(Stream stream, PipeReader reader, string endpoint, KvmSessionOptions options, RfbServerInit init, RfbPixelFormat format)
    {
        _stream = stream;
        _reader = reader;
        _options = options;
        Endpoint = endpoint;
        ServerName = init.Name;
        ServerFormat = init.Format;
        Format = format;
        _frame = new RfbFrameBuffer(init.Width, init.Height);
        _decoder = new RfbRectangleDecoder(format, options.TileDialect);
        _messages = new RfbServerMessageReader(format);
    }

    public string Endpoint { get; }

    /// <summary>The desktop name from ServerInit.</summary>
    public string ServerName { get; }

    /// <summary>The pixel format the device announced in ServerInit.</summary>
    public RfbPixelFormat ServerFormat { get; }

    /// <summary>The pixel format this session asked for and decodes.</summary>
    public RfbPixelFormat Format { get; }

    /// <summary>The zlib state the device last reported with KvmExtCmd; null while it has reported none.</summary>
    public bool? CompressionEnabled { get; private set; }

    /// <summary>The decimation state the device last reported with KvmExtCmd (1 disabled, 2 auto, 3 enabled); null while none.</summary>
    public byte? DecimationState { get; private set; }

    /// <summary>Whole updates decoded so far.</summary>
    public long UpdatesReceived => Interlocked.Read(ref _updates);

    /// <summary>Completes when the session ends: faulted with <see cref="KvmDisconnectedException"/> when the device closed it.</summary>
    public Task Completion => _receiving;

    public RfbScreenSize Size
    {
        get
        {
            lock (_sync)
            {
                return _frame.Size;
            }
        }
    }

    public long Version => Interlocked.Read(ref _version);

    /// <summary>Opens a KVM session through the redirection port: start, login, 0x40/0x41, RFB handshake, first picture.</summary>
    /// <exception cref="RedirectionRefusedException">BUSY (another KVM session) or UNSUPPORTED (KVM disabled or absent).</exception>
    /// <exception cref="AmtAuthenticationException">Wrong user or password.</exception>
    /// <exception cref="KvmDisconnectedException">Refused after login, cannot capture, frame-buffer cap.</exception>
    public static async Task<KvmSession> OpenAsync(RedirectionClientOptions options, KvmSessionOptions? kvm = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        kvm ??= new KvmSessionOptions();
        var session = await RedirectionClient.ConnectAsync(options, RedirectionSessionType.Kvm, cancellationToken).ConfigureAwait(false);
        Stream stream;
        try
        {
            session.Channel.Table = KvmFrames.Table;
            await session.Channel.SendAsync(KvmStart.Request, cancellationToken).ConfigureAwait(false);
            RedirectionFrame reply;
            try
            {
                reply = await session.ReadReplyAsync("the KVM start reply (0x41)", cancellationToken).ConfigureAwait(false);
            }
            catch (AmtConnectionException exception) when (exception.Failure is ConnectionFailure.ClosedBeforeReply or ConnectionFailure.Reset)
            {
                throw new KvmDisconnectedException(session.Endpoint, KvmDisconnectReason.RefusedAtStart, exception);
            }

            if (reply.Type != KvmStart.Reply.Type)
            {
                throw new AmtProtocolException(ProtocolViolation.UnexpectedRedirectionMessage, $"0x{(byte)reply.Type:X2} where the KVM start reply (0x41) was expected", session.Endpoint);
            }

            stream = session.Channel.Detach();
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return await OpenAsync(stream, session.Endpoint, kvm, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs RFB over a stream that is already connected: AMT's port 5900, a standard server, or the raw stream after
    /// 0x41. The session owns <paramref name="stream"/> from now on, also when opening fails.
    /// </summary>
    public static async Task<KvmSession> OpenAsync(Stream stream, string endpoint, KvmSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        options ??= new KvmSessionOptions();
        var reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
        KvmSession? session = null;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.ReplyTimeout);
        try
        {
            var init = await RfbClientHandshake.RunAsync(reader, stream, endpoint, options, limit.Token).ConfigureAwait(false);
            if ((long)init.Width * init.Height > options.MaxScreenPixels)
            {
                throw new RfbProtocolException(RfbRejectReason.ScreenTooLarge, $"{init.Width}×{init.Height}");
            }

            var format = options.Format ?? ((long)init.Width * init.Height * 2 > options.FrameBufferCap ? RfbPixelFormat.Rgb332 : RfbPixelFormat.Rgb565);
            session = new KvmSession(stream, reader, endpoint, options, init, format);
            await session.StartAsync(limit.Token).ConfigureAwait(false);
            await session._firstPicture.Task.WaitAsync(limit.Token).ConfigureAwait(false);
            return session;
        }
        catch (Exception exception)
        {
            if (session is not null)
            {
                await session.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                await reader.CompleteAsync().ConfigureAwait(false);
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            if (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new AmtConnectionException(endpoint, ConnectionFailure.TimedOut, $"{endpoint}: the KVM handshake did not complete within {options.ReplyTimeout.TotalSeconds:0.#} s", exception);
            }

            if (exception is EndOfStreamException or IOException or SocketException)
            {
                throw new KvmDisconnectedException(endpoint, KvmDisconnectReason.ClosedByDevice, exception);
            }

            throw;
        }
    }

    public long CopyTo(Span<uint> destination, out RfbScreenSize size)
    {
        lock (_sync)
        {
            size = _frame.Size;
            if (destination.Length >= size.Pixels)
            {
                _frame.Pixels.AsSpan(0, size.Pixels).CopyTo(destination);
            }

            return _version;
        }
    }

    public bool TryCopyChanges(Span<uint> destination, long since, RfbScreenSize size, ICollection<RfbRectangle> changed, out long version)
    {
        lock (_sync)
        {
            version = _version;
            _collected.Clear();
            if (size != _frame.Size || since > _version || destination.Length < size.Pixels || !_changes.TryCollect(since, _collected))
            {
                return false;
            }

            // The areas of an update still being drawn come too: copying them early is harmless, and they are copied
            // again once their version is complete.
            var pixels = _frame.Pixels.AsSpan();
            foreach (var area in _collected)
            {
                changed.Add(area);
                for (var y = area.Y; y < area.Bottom; y++)
                {
                    var row = (y * size.Width) + area.X;
                    pixels.Slice(row, area.Width).CopyTo(destination.Slice(row, area.Width));
                }
            }

            return true;
        }
    }

    /// <summary>A copy of the screen as decoded now.</summary>
    public KvmSnapshot Snapshot()
    {
        lock (_sync)
        {
            return new KvmSnapshot(_frame.Size, _version, _frame.Pixels.AsSpan(0, _frame.Size.Pixels).ToArray());
        }
    }

    /// <summary>Completes once an update changed <see cref="Version"/> from <paramref name="version"/>.</summary>
    /// <exception cref="KvmDisconnectedException">The session ended first.</exception>
    public async Task WaitForChangeAsync(long version, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_sync)
            {
                if (_version != version)
                {
                    return;
                }

                if (_failure is { } failure)
                {
                    throw failure;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task SendKeyAsync(uint keysym, bool down, CancellationToken cancellationToken = default) =>
        SendAsync(new RfbKeyEvent(down, keysym), cancellationToken);

    /// <summary>Presses and releases one key.</summary>
    public async Task SendKeyPressAsync(uint keysym, CancellationToken cancellationToken = default)
    {
        await SendKeyAsync(keysym, true, cancellationToken).ConfigureAwait(false);
        await SendKeyAsync(keysym, false, cancellationToken).ConfigureAwait(false);
    }

    public Task SendPointerAsync(int x, int y, RfbPointerButtons buttons, CancellationToken cancellationToken = default) =>
        SendAsync(new RfbPointerEvent(buttons, x, y), cancellationToken);

    /// <summary>Types text key by key (Latin-1, newline, tab, backspace); refuses the whole text before sending if a character has no keysym.</summary>
    public async Task TypeTextAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var keysyms = new uint[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            if (!KvmKeysyms.TryFromChar(text[i], out keysyms[i]))
            {
                throw new ArgumentException($"character U+{(int)text[i]:X4} at {i} has no keysym AMT knows", nameof(text));
            }
        }

        foreach (var keysym in keysyms)
        {
            await SendKeyPressAsync(keysym, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Ctrl-Alt-Del as the six KeyEvents of reference §6.6.6.</summary>
    public async Task SendCtrlAltDelAsync(CancellationToken cancellationToken = default)
    {
        uint[] keys = [KvmKeysyms.ControlLeft, KvmKeysyms.AltLeft, KvmKeysyms.Delete];
        foreach (var key in keys)
        {
            await SendKeyAsync(key, true, cancellationToken).ConfigureAwait(false);
        }

        for (var i = keys.Length - 1; i >= 0; i--)
        {
            await SendKeyAsync(keys[i], false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Sends an in-band KvmExtCmd (AMT ≥ 16; reference §6.6.5), such as decimation; the device answers with its state in
    /// <see cref="CompressionEnabled"/> or <see cref="DecimationState"/>. Older firmware takes it as clipboard text.
    /// Switching zlib is <see cref="KvmSessionOptions.Zlib"/>'s business, at the start.
    /// </summary>
    public Task SendKvmExtCommandAsync(KvmExtCommand command, CancellationToken cancellationToken = default) =>
        SendAsync(new RfbClientCutText(command.ToCutText()), cancellationToken);

    /// <summary>Sends clipboard text (Latin-1) to the device.</summary>
    public Task SendClipboardAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(new RfbClientCutText(Encoding.Latin1.GetBytes(text)), cancellationToken);

    /// <summary>Queued in order and sent in the background: the screen contract is synchronous. Dropped after the session ended.</summary>
    void IRfbScreen.Key(uint keysym, bool down) => _input.Writer.TryWrite(new RfbKeyEvent(down, keysym));

    void IRfbScreen.Pointer(int x, int y, RfbPointerButtons buttons) => _input.Writer.TryWrite(new RfbPointerEvent(buttons, x, y));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _input.Writer.TryComplete();
        await _closing.CancelAsync().ConfigureAwait(false);
        _reader.CancelPendingRead();
        await _stream.DisposeAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_receiving, _sendingInput).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is KvmDisconnectedException or OperationCanceledException or RfbProtocolException or AmtConnectionException)
        {
            // The session is being closed; how it ended no longer matters to anyone.
        }

        await _reader.CompleteAsync().ConfigureAwait(false);
        _decoder.Dispose();
        _closing.Dispose();
    }

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        await SendAsync(new RfbSetPixelFormat(Format), cancellationToken).ConfigureAwait(false);
        await SendAsync(new RfbSetEncodings(_options.Encodings), cancellationToken).ConfigureAwait(false);
        if (_options.Zlib)
        {
            await SendAsync(new RfbClientCutText(new KvmExtCommand(KvmExtCommandCode.SetZlib, 1).ToCutText()), cancellationToken).ConfigureAwait(false);
        }

        await SendAsync(new RfbUpdateRequest(false, _frame.Bounds), cancellationToken).ConfigureAwait(false);
        _receiving = Task.Run(() => ReceiveAsync(_closing.Token), CancellationToken.None);
        _sendingInput = Task.Run(() => SendInputAsync(_closing.Token), CancellationToken.None);
    }

    private async Task SendAsync(RfbClientMessage message, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var bytes = message.ToArray();
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            throw _failure ?? new KvmDisconnectedException(Endpoint, KvmDisconnectReason.ClosedByDevice, exception);
        }
        finally
        {
            _writing.Release();
        }
    }

    private async Task SendInputAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var message in _input.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or KvmDisconnectedException or ObjectDisposedException)
        {
            // Input for a session that ended is dropped, as a viewer's keystrokes are when its window closes.
        }
    }

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var probing = false;
            while (true)
            {
                var result = await ReadOrProbeAsync(probing, cancellationToken).ConfigureAwait(false);
                if (result is not { } read)
                {
                    probing = true;
                    continue;
                }

                probing = false;
                var (updated, full) = Process(read.Buffer);
                if (updated)
                {
                    if (_options.RequestInterval > TimeSpan.Zero)
                    {
                        await Task.Delay(_options.RequestInterval, cancellationToken).ConfigureAwait(false);
                    }

                    var size = Size;
                    await SendAsync(new RfbUpdateRequest(!full, new RfbRectangle(0, 0, size.Width, size.Height)), cancellationToken).ConfigureAwait(false);
                }

                if (read.IsCanceled || cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }

                if (read.IsCompleted)
                {
                    throw Closed(null);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            Fail(Closed(exception));
            throw _failure!;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Fail(exception);
            throw;
        }
        catch (Exception exception)
        {
            Fail(new ObjectDisposedException(nameof(KvmSession), exception));
            throw new OperationCanceledException("the KVM session was closed", exception, cancellationToken);
        }
    }

    /// <summary>
    /// The next bytes; null when the device was silent for <see cref="KvmSessionOptions.LivenessInterval"/> and a probe
    /// went out. An unchanged screen rightly sends nothing while an incremental request waits, so silence alone proves
    /// nothing: the probe is a non-incremental request for one pixel, which a live server must answer. A second silent
    /// interval after the probe means the device or the path is gone.
    /// </summary>
    private async Task<ReadResult?> ReadOrProbeAsync(bool probing, CancellationToken cancellationToken)
    {
        if (_options.LivenessInterval <= TimeSpan.Zero)
        {
            return await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }

        using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        silence.CancelAfter(_options.LivenessInterval);
        try
        {
            return await _reader.ReadAsync(silence.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            if (probing)
            {
                throw new KvmDisconnectedException(Endpoint, KvmDisconnectReason.Unresponsive);
            }

            await SendAsync(new RfbUpdateRequest(false, new RfbRectangle(0, 0, 1, 1)), cancellationToken).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>What closing means now: before the first picture the device could not capture (or hit the cap).</summary>
    private KvmDisconnectedException Closed(Exception? inner)
    {
        if (_firstPicture.Task.IsCompleted)
        {
            return new KvmDisconnectedException(Endpoint, KvmDisconnectReason.ClosedByDevice, inner);
        }

        var size = Size;
        var bytes = (long)Format.BytesPerPixel * size.Width * size.Height;
        return new KvmDisconnectedException(Endpoint, bytes > _options.FrameBufferCap ? KvmDisconnectReason.FrameBufferCap : KvmDisconnectReason.CannotCapture, inner);
    }

    private void Fail(Exception failure)
    {
        TaskCompletionSource changed;
        lock (_sync)
        {
            _failure ??= failure;
            changed = _changed;
        }

        _input.Writer.TryComplete();
        _firstPicture.TrySetException(_failure);
        changed.TrySetResult();
    }

    /// <summary>Decodes every whole item buffered; returns whether an update finished and whether the next request must be full.</summary>
    private (bool Updated, bool Full) Process(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        var updated = false;
        try
        {
            while (_messages.TryRead(ref reader, out var item))
            {
                switch (item.Kind)
                {
                    case RfbServerItemKind.UpdateStart when item.RectangleCount == 0:
                        updated |= FinishUpdate();
                        break;
                    case RfbServerItemKind.Rectangle:
                        Draw(item);
                        if (_messages.RemainingRectangles == 0)
                        {
                            updated |= FinishUpdate();
                        }

                        break;
                    case RfbServerItemKind.ServerCutText:
                        Receive(item.Payload.ToArray());
                        break;
                }
            }
        }
        finally
        {
            _reader.AdvanceTo(reader.Position, buffer.End);
        }

        var full = _needFull;
        if (updated)
        {
            _needFull = false;
        }

        return (updated, full);
    }

    private void Draw(RfbServerItem item)
    {
        lock (_sync)
        {
            if (item.Encoding == RfbEncoding.DesktopSize)
            {
                if ((long)item.Area.Width * item.Area.Height > _options.MaxScreenPixels)
                {
                    throw new RfbProtocolException(RfbRejectReason.ScreenTooLarge, $"{item.Area.Width}×{item.Area.Height}");
                }

                // The device resized; the old picture is gone, so the next request asks for everything (reference §6.6.4).
                _frame.Resize(item.Area.Width, item.Area.Height);
                _changes.Reset(_version + 1);
                _needFull = true;
                return;
            }

            _decoder.Decode(item.Area, item.Encoding, item.Payload, _frame);
            _changes.Add(_version + 1, item.Area.Intersect(_frame.Bounds));
        }
    }

    private bool FinishUpdate()
    {
        TaskCompletionSource changed;
        lock (_sync)
        {
            _version++;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        Interlocked.Increment(ref _updates);
        _firstPicture.TrySetResult();
        changed.TrySetResult();
        return true;
    }

    private void Receive(byte[] cutText)
    {
        if (KvmExtCommand.TryParse(cutText, out var command))
        {
            if (command.Command == KvmExtCommandCode.CompressionState)
            {
                CompressionEnabled = command.Value != 0;
            }
            else if (command.Command == KvmExtCommandCode.DecimationState)
            {
                DecimationState = command.Value;
            }

            return;
        }

        _options.OnClipboard?.Invoke(Encoding.Latin1.GetString(cutText));
    }
}
