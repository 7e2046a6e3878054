using System.Net.WebSockets;

namespace SharpAmt.Transport.WebSockets;

/// <summary>
/// A byte stream carried in binary WebSocket messages, as websockify and noVNC carry RFB: each write is sent as one
/// message, and reads return the bytes of consecutive messages with their boundaries erased, since a protocol message
/// may span messages or share one. A close from the peer reads as the end of the stream; a text message, or the
/// connection failing under the WebSocket, is an <see cref="IOException"/>, so callers see one kind of transport
/// failure whatever carries their bytes. Owns the WebSocket: disposing closes it (bounded) and disposes it.
/// </summary>
public sealed class WebSocketBinaryStream : Stream
{
    private readonly WebSocket _webSocket;
    private readonly TimeSpan _closeTimeout;
    private bool _closeReceived;
    private int _disposed;

    /// <param name="closeTimeout">Longest wait for the peer's answer to our close frame on dispose.</param>
    public WebSocketBinaryStream(WebSocket webSocket, TimeSpan closeTimeout)
    {
        ArgumentNullException.ThrowIfNull(webSocket);
        _webSocket = webSocket;
        _closeTimeout = closeTimeout;
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        while (!_closeReceived)
        {
            ValueWebSocketReceiveResult result;
            try
            {
                result = await _webSocket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (WebSocketException exception)
            {
                throw new IOException($"WebSocket connection failed: {exception.Message}", exception);
            }

            switch (result.MessageType)
            {
                case WebSocketMessageType.Close:
                    _closeReceived = true;
                    break;
                case WebSocketMessageType.Text:
                    throw new IOException("a text WebSocket message where binary ones carry the stream");
                default:
                    // An empty message carries no bytes; returning 0 for it would read as the end of the stream.
                    if (result.Count > 0 || buffer.IsEmpty)
                    {
                        return result.Count;
                    }

                    break;
            }
        }

        return 0;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        if (buffer.IsEmpty)
        {
            return;
        }

        try
        {
            await _webSocket.SendAsync(buffer, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException exception)
        {
            throw new IOException($"WebSocket connection failed: {exception.Message}", exception);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
        // Each write is a whole message already on its way.
    }

    // WebSocket has no synchronous I/O; a caller that needs it is a bug, not something to block a thread for.
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("WebSocketBinaryStream is asynchronous only");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("WebSocketBinaryStream is asynchronous only");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (_webSocket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(_closeTimeout);
            try
            {
                await _webSocket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The peer did not answer the close in time, is gone, or a read still pending keeps the close from waiting for its
                // answer: the connection is torn down all the same.
            }
        }

        _webSocket.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // Synchronous disposal cannot wait for the close handshake; the connection is simply dropped.
            _webSocket.Dispose();
        }

        base.Dispose(disposing);
    }
}
