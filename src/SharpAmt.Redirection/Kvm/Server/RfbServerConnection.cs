using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Text;
using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Redirection.Kvm.Server;

/// <summary>
/// One viewer's connection: the handshake, then two loops. The receive loop applies the viewer's messages (pixel
/// format, encodings, input, in-band commands) and records its latest update request; the update loop answers that
/// request from the screen, waiting (bounded) for a change when the request is incremental and nothing changed.
/// </summary>
internal sealed class RfbServerConnection : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly IRfbScreen _screen;
    private readonly RfbServerOptions _options;
    private readonly PipeReader _reader;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly Lock _state = new();
    private readonly RfbShadow _shadow = new();
    private readonly List<RfbRectangle> _tiles = [];
    private ArrayBufferWriter<byte> _output = new(64 * 1024);
    private RfbRectangleEncoder? _encoder;
    private readonly RfbCapture _capture = new();

    // Guarded by _state: what the receive loop learned, applied by the update loop between updates.
    private RfbPixelFormat _format;
    private IReadOnlyList<int> _encodings = [];
    private bool _desktopSize;
    private bool _compress;
    private RfbUpdateRequest? _pending;
    private TaskCompletionSource? _requestArrived;
    private RfbSessionEnd? _end;

    public RfbServerConnection(Stream stream, IRfbScreen screen, RfbServerOptions options)
    {
        _stream = stream;
        _screen = screen;
        _options = options;
        _format = options.DefaultFormat;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
    }

    /// <summary>The viewer's idea of the screen size (ServerInit, then each DesktopSize sent).</summary>
    private RfbScreenSize ClientSize { get; set; }

    public async Task<RfbSessionEnd> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            using (var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                handshake.CancelAfter(_options.HandshakeTimeout);
                try
                {
                    if (await HandshakeAsync(handshake.Token).ConfigureAwait(false) is { } refused)
                    {
                        return refused;
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return RfbSessionEnd.TimedOut;
                }
            }

            using var ending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var receiving = ReceiveAsync(ending.Token);
            var updating = UpdateAsync(ending.Token);
            await Task.WhenAny(receiving, updating).ConfigureAwait(false);
            await ending.CancelAsync().ConfigureAwait(false);
            _reader.CancelPendingRead();
            await Task.WhenAll(Quietly(receiving), Quietly(updating)).ConfigureAwait(false);
            return End(cancellationToken.IsCancellationRequested ? RfbSessionEnd.Stopped : RfbSessionEnd.ClientClosed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return RfbSessionEnd.Stopped;
        }
        catch (Exception exception) when (IsTransportFailure(exception))
        {
            return End(RfbSessionEnd.ClientClosed);
        }
        catch (RfbProtocolException exception)
        {
            _options.Log?.Invoke($"RFB connection closed: {exception.Message}");
            return RfbSessionEnd.ProtocolError;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _reader.CompleteAsync().ConfigureAwait(false);
        _encoder?.Dispose();
        _writing.Dispose();
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException || IsTransportFailure(exception))
        {
            // The other loop ended the connection; this one only had to stop.
        }
    }

    private static bool IsTransportFailure(Exception exception) =>
        exception is IOException or SocketException or ObjectDisposedException or InvalidOperationException;

    /// <summary>The first reason recorded wins: the loop that ended the connection knows why.</summary>
    private RfbSessionEnd End(RfbSessionEnd fallback)
    {
        lock (_state)
        {
            return _end ?? fallback;
        }
    }

    private void SetEnd(RfbSessionEnd end, string message)
    {
        lock (_state)
        {
            _end ??= end;
        }

        _options.Log?.Invoke(message);
    }

    // ---- Handshake (RFC 6143 §7.1–7.3, reference §6.6.2) ----

    private async Task<RfbSessionEnd?> HandshakeAsync(CancellationToken cancellationToken)
    {
        var banner = Encoding.ASCII.GetBytes(_options.Banner);
        if (banner.Length != RfbVersion.BannerSize)
        {
            throw new InvalidOperationException("an RFB banner is 12 bytes");
        }

        await WriteAsync(banner, cancellationToken).ConfigureAwait(false);
        var reply = await ReadExactAsync(RfbVersion.BannerSize, cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            return RfbSessionEnd.ClientClosed;
        }

        if (!RfbVersion.TryParse(reply, out var major, out var minor) || major < 3)
        {
            throw new RfbProtocolException(RfbRejectReason.MalformedVersion, Encoding.ASCII.GetString(reply).TrimEnd('\n'));
        }

        // 4.000 is AMT's own; viewers answer 3.8, and anything from 3.8 up follows 3.8's security steps.
        var version = major > 3 || minor >= 8 ? 8 : minor == 7 ? 7 : 3;
        var offered = _options.Password is null ? RfbSecurityType.None : RfbSecurityType.VncAuthentication;
        if (version == 3)
        {
            var type = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(type, (uint)offered);
            await WriteAsync(type, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await WriteAsync(new byte[] { 1, (byte)offered }, cancellationToken).ConfigureAwait(false);
            var choice = await ReadExactAsync(1, cancellationToken).ConfigureAwait(false);
            if (choice is null)
            {
                return RfbSessionEnd.ClientClosed;
            }

            if (choice[0] != (byte)offered)
            {
                await FailSecurityAsync(version, "security type not offered", cancellationToken).ConfigureAwait(false);
                throw new RfbProtocolException(RfbRejectReason.UnsupportedSecurityType, $"viewer chose {choice[0]}");
            }
        }

        if (offered == RfbSecurityType.VncAuthentication)
        {
            var challenge = VncAuthentication.NewChallenge();
            await WriteAsync(challenge, cancellationToken).ConfigureAwait(false);
            var response = await ReadExactAsync(VncAuthentication.ChallengeSize, cancellationToken).ConfigureAwait(false);
            if (response is null)
            {
                return RfbSessionEnd.ClientClosed;
            }

            if (!VncAuthentication.Verify(challenge, response, _options.Password!))
            {
                await FailSecurityAsync(version, "authentication failed", cancellationToken).ConfigureAwait(false);
                _options.Log?.Invoke("RFB connection refused: wrong VNC password");
                return RfbSessionEnd.AuthenticationFailed;
            }

            await WriteAsync(new byte[4], cancellationToken).ConfigureAwait(false);
        }
        else if (version == 8)
        {
            // 3.8 sends SecurityResult even for None, and MeshCommander waits for it (reference §6.6.2).
            await WriteAsync(new byte[4], cancellationToken).ConfigureAwait(false);
        }

        if (await ReadExactAsync(1, cancellationToken).ConfigureAwait(false) is null)
        {
            return RfbSessionEnd.ClientClosed;
        }

        await WriteAsync(ServerInit(), cancellationToken).ConfigureAwait(false);
        return null;
    }

    private async Task FailSecurityAsync(int version, string reason, CancellationToken cancellationToken)
    {
        var text = Encoding.ASCII.GetBytes(reason);
        var failure = new byte[version == 8 ? 8 + text.Length : 4];
        BinaryPrimitives.WriteUInt32BigEndian(failure, 1);
        if (version == 8)
        {
            BinaryPrimitives.WriteInt32BigEndian(failure.AsSpan(4), text.Length);
            text.CopyTo(failure.AsSpan(8));
        }

        await WriteAsync(failure, cancellationToken).ConfigureAwait(false);
    }

    private byte[] ServerInit()
    {
        var size = _screen.Size;
        if (size.Width is < 0 or > ushort.MaxValue || size.Height is < 0 or > ushort.MaxValue)
        {
            throw new RfbProtocolException(RfbRejectReason.ScreenTooLarge, $"{size.Width}×{size.Height}");
        }

        ClientSize = size;
        _shadow.Reset(size.Width, size.Height);
        var name = Encoding.UTF8.GetBytes(_options.Name);
        var message = new byte[4 + RfbPixelFormat.WireSize + 4 + name.Length];
        BinaryPrimitives.WriteUInt16BigEndian(message, (ushort)size.Width);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), (ushort)size.Height);
        _options.DefaultFormat.Write(message.AsSpan(4));
        BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(20), name.Length);
        name.CopyTo(message.AsSpan(24));
        return message;
    }

    // ---- Receive loop ----

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(_options.IdleTimeout);
            ReadResult result;
            try
            {
                result = await _reader.ReadAsync(idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                SetEnd(RfbSessionEnd.TimedOut, $"RFB connection closed: the viewer sent nothing for {_options.IdleTimeout}");
                return;
            }

            List<RfbClientMessage> messages;
            try
            {
                messages = Parse(result.Buffer);
            }
            catch (RfbProtocolException exception)
            {
                SetEnd(RfbSessionEnd.ProtocolError, $"RFB connection closed: {exception.Message}");
                return;
            }

            foreach (var message in messages)
            {
                if (!await ApplyAsync(message, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                return;
            }
        }
    }

    /// <summary>Every whole message buffered, consumed from the pipe; a partial one stays for the next read.</summary>
    private List<RfbClientMessage> Parse(ReadOnlySequence<byte> buffer)
    {
        var reader = new SequenceReader<byte>(buffer);
        var messages = new List<RfbClientMessage>();
        try
        {
            while (RfbClientMessageReader.TryRead(ref reader, _options.MaxCutText, out var message))
            {
                messages.Add(message!);
            }
        }
        finally
        {
            _reader.AdvanceTo(reader.Position, buffer.End);
        }

        return messages;
    }

    /// <summary>Applies one viewer message; false when the connection must end.</summary>
    private async ValueTask<bool> ApplyAsync(RfbClientMessage message, CancellationToken cancellationToken)
    {
        switch (message)
        {
            case RfbSetPixelFormat set:
                if (!set.Format.IsSupported)
                {
                    throw new RfbProtocolException(RfbRejectReason.UnsupportedPixelFormat, set.Format.ToString());
                }

                lock (_state)
                {
                    _format = set.Format;
                }

                break;
            case RfbSetEncodings set:
                lock (_state)
                {
                    _desktopSize = set.Encodings.Contains((int)RfbEncoding.DesktopSize);
                    // Chosen per update, not here: the rule depends on the pixel format, which may come later.
                    _encodings = set.Encodings;
                }

                break;
            case RfbUpdateRequest request:
                if (ExceedsCap(out var bytes))
                {
                    // Reference §6.6.8 leaves open when real firmware checks the cap; here it is checked against the
                    // format in force when pixels are first asked for, so a viewer that switches to 8 bpp right after
                    // ServerInit (as MeshCommander and KvmSession do) gets through.
                    SetEnd(RfbSessionEnd.FrameBufferCap, $"RFB connection closed: {bytes} bytes of frame buffer exceed the cap of {_options.FrameBufferCap}");
                    return false;
                }

                TaskCompletionSource? arrived;
                lock (_state)
                {
                    _pending = _pending is { Incremental: false } && request.Incremental ? _pending with { Area = request.Area } : request;
                    (arrived, _requestArrived) = (_requestArrived, null);
                }

                arrived?.TrySetResult();

                break;
            case RfbKeyEvent or RfbPointerEvent when _options.ViewOnly:
                break;
            case RfbKeyEvent key:
                _screen.Key(key.Keysym, key.Down);
                break;
            case RfbPointerEvent pointer:
                var size = _screen.Size;
                _screen.Pointer(Math.Clamp(pointer.X, 0, Math.Max(0, size.Width - 1)), Math.Clamp(pointer.Y, 0, Math.Max(0, size.Height - 1)), pointer.Buttons);
                break;
            case RfbClientCutText cut:
                if (_options.SupportsKvmExtCmd && KvmExtCommand.TryParse(cut.Data.Span, out var command))
                {
                    await ApplyExtCommandAsync(command, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    _options.OnClipboard?.Invoke(Encoding.Latin1.GetString(cut.Data.Span));
                }

                break;
        }

        return true;
    }

    private bool ExceedsCap(out long bytes)
    {
        var size = _screen.Size;
        lock (_state)
        {
            bytes = (long)_format.BytesPerPixel * size.Width * size.Height;
        }

        return _options.FrameBufferCap is { } cap && bytes > cap;
    }

    /// <summary>AMT answers each setting with its state (reference §6.6.5): zlib with command 3, decimation with 1.</summary>
    private async Task ApplyExtCommandAsync(KvmExtCommand command, CancellationToken cancellationToken)
    {
        KvmExtCommand answer;
        switch (command.Command)
        {
            case KvmExtCommandCode.SetZlib:
                lock (_state)
                {
                    _compress = command.Value != 0;
                }

                answer = new KvmExtCommand(KvmExtCommandCode.CompressionState, command.Value != 0 ? (byte)1 : (byte)0);
                break;
            case KvmExtCommandCode.SetDecimation:
                // The simulated screen is never decimated; the state reported is what was asked, "auto" when not set.
                // That AMT answers each command with its state at once is how MeshCommander reads it (unconfirmed).
                answer = new KvmExtCommand(KvmExtCommandCode.DecimationState, command.Value == 0 ? (byte)2 : command.Value);
                break;
            default:
                return;
        }

        var output = new ArrayBufferWriter<byte>(32);
        RfbServerMessageWriter.WriteServerCutText(output, answer.ToCutText());
        await WriteAsync(output.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    // ---- Update loop ----

    private async Task UpdateAsync(CancellationToken cancellationToken)
    {
        RfbUpdateRequest? request = null;
        while (true)
        {
            lock (_state)
            {
                if (_pending is { } latest)
                {
                    request = latest;
                    _pending = null;
                }
            }

            if (request is null)
            {
                await RequestArrival().WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var (sent, version) = await TrySendUpdateAsync(request, cancellationToken).ConfigureAwait(false);
            if (sent)
            {
                request = null;
                continue;
            }

            await WaitForChangeOrRequestAsync(version, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitForChangeOrRequestAsync(long version, CancellationToken cancellationToken)
    {
        // The poll is the token's own timer rather than a Task.Delay: one timer fewer per wait.
        using var waiting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waiting.CancelAfter(_options.ChangePollInterval);
        var change = _screen.WaitForChangeAsync(version, waiting.Token);
        if (!change.IsCompleted)
        {
            await Task.WhenAny(change, RequestArrival()).ConfigureAwait(false);
        }

        // Cancel, not CancelAsync: the latter queues the losers' callbacks to the thread pool and waits for them,
        // a hand-off between the change arriving and the capture.
        waiting.Cancel();
        cancellationToken.ThrowIfCancellationRequested();
        if (change.IsFaulted)
        {
            // The picture has no source any more (a gateway whose KVM session ended); waiting again would spin.
            SetEnd(RfbSessionEnd.ScreenGone, $"RFB connection closed: the screen ended: {change.Exception?.InnerException?.Message}");
            throw new OperationCanceledException("the screen ended", change.Exception);
        }
    }

    /// <summary>
    /// Completes when a request is pending. A signal rather than a semaphore: a semaphore wait that loses a WhenAny and is
    /// cancelled leaves the semaphore's queue only later, on the thread pool, and a release in between went to that
    /// abandoned waiter, so the request was never seen and viewer and server waited for each other for ever.
    /// </summary>
    private Task RequestArrival()
    {
        lock (_state)
        {
            return _pending is not null ? Task.CompletedTask : (_requestArrived ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
        }
    }

    /// <summary>Captures the screen and sends what the request covers and the viewer lacks; false when nothing was due.</summary>
    private async Task<(bool Sent, long Version)> TrySendUpdateAsync(RfbUpdateRequest request, CancellationToken cancellationToken)
    {
        var (version, size) = _capture.Refresh(_screen);
        RfbPixelFormat format;
        RfbEncoding encoding;
        bool desktopSize, compress;
        lock (_state)
        {
            (format, desktopSize, compress) = (_format, _desktopSize, _compress);
            encoding = RfbEncodingChoice.Choose(_encodings, format, _options);
        }

        _output.ResetWrittenCount();
        if (size != ClientSize && desktopSize)
        {
            // The viewer resizes and asks again, non-incrementally (reference §6.6.4).
            ClientSize = size;
            _shadow.Reset(size.Width, size.Height);
            RfbServerMessageWriter.WriteUpdateHeader(_output, 1);
            RfbServerMessageWriter.WriteDesktopSize(_output, size.Width, size.Height);
            await WriteAsync(_output.WrittenMemory, cancellationToken).ConfigureAwait(false);
            return (true, version);
        }

        // Without DesktopSize the viewer keeps its size; it gets the part of the screen that fits.
        var region = request.Area.Intersect(new RfbRectangle(0, 0, ClientSize.Width, ClientSize.Height)).Intersect(new RfbRectangle(0, 0, size.Width, size.Height));
        _capture.CollectTiles(region, _shadow, request.Incremental, _tiles);
        if (_tiles.Count == 0 && request.Incremental)
        {
            return (false, version);
        }

        _encoder ??= new RfbRectangleEncoder(format, dialect: _options.TileDialect);
        _encoder.Format = format;
        _encoder.Encoding = encoding;
        _encoder.Compress = compress;
        RfbServerMessageWriter.WriteUpdateHeader(_output, _tiles.Count);
        foreach (var tile in _tiles)
        {
            _encoder.Write(_output, _capture.Pixels, size.Width, tile);
        }

        foreach (var tile in _tiles)
        {
            _shadow.Remember(_capture.Pixels, size.Width, tile);
        }

        await WriteAsync(_output.WrittenMemory, cancellationToken).ConfigureAwait(false);
        if (_output.Capacity > 16 * 1024 * 1024)
        {
            // A RAW 4K frame needs tens of megabytes once; the connection need not keep them for small updates.
            _output = new ArrayBufferWriter<byte>(64 * 1024);
        }

        return (true, version);
    }

    // ---- I/O ----

    private async Task WriteAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
            await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>Exactly <paramref name="count"/> bytes; null when the viewer closed first.</summary>
    private async Task<byte[]?> ReadExactAsync(int count, CancellationToken cancellationToken)
    {
        var result = await _reader.ReadAtLeastAsync(count, cancellationToken).ConfigureAwait(false);
        if (result.Buffer.Length < count)
        {
            _reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            return null;
        }

        var bytes = result.Buffer.Slice(0, count).ToArray();
        _reader.AdvanceTo(result.Buffer.GetPosition(count));
        return bytes;
    }
}
