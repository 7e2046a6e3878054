using System.Buffers;
using System.IO.Pipelines;
using System.Net.Sockets;
using SharpAmt.Redirection.Wire.Messages;
using SharpAmt.Transport;

namespace SharpAmt.Redirection.Wire;

/// <summary>
/// One redirection connection as both sides use it: whole messages in (through the frame table in force),
/// one message per write out. Reads are single-consumer; writes from several tasks are serialized, and an
/// optional gap after chosen opcodes keeps the next message out of the same TCP segment, which Debian's
/// amtterm 1.4 needs (it throws away whatever follows 0x14, 0x21, 0x29 or 0x23 in one read).
/// Socket and I/O errors are translated here, once, into <see cref="AmtConnectionException"/>.
/// </summary>
public sealed class RedirectionChannel : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly PipeReader _reader;
    private readonly SemaphoreSlim _writing = new(1, 1);
    private readonly CancellationTokenSource _closed = new();
    private int _disposed;
    private bool _detached;

    public RedirectionChannel(Stream stream, string endpoint, RedirectionFrameTable table)
    {
        _stream = stream;
        Endpoint = endpoint;
        Table = table;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 16 * 1024, leaveOpen: true));
    }

    /// <summary>host:port of the peer, for messages.</summary>
    public string Endpoint { get; }

    /// <summary>The opcodes accepted from now on; a side switches it when a feature starts.</summary>
    public RedirectionFrameTable Table { get; set; }

    /// <summary>How long to pause after sending a message of a given type, to keep it alone in its segment.</summary>
    public Func<RedirectionMessageType, TimeSpan>? GapAfter { get; init; }

    /// <summary>Raised for each message read (tests and protocol traces).</summary>
    public Action<RedirectionFrame>? OnReceived { get; init; }

    /// <summary>True after any byte arrived; a reset before that looks like a sleeping ME or a closed listener.</summary>
    public bool HasReceived { get; private set; }

    /// <summary>
    /// The next whole message; null when the peer closed the connection between messages.
    /// </summary>
    /// <exception cref="AmtProtocolException">Unknown opcode or oversized message.</exception>
    /// <exception cref="AmtConnectionException">The connection broke, or closed in the middle of a message.</exception>
    public async ValueTask<RedirectionFrame?> ReadAsync(CancellationToken cancellationToken = default)
    {
        RedirectionFrame? frame = null;
        await ReadInPlaceAsync((type, bytes) => frame = new RedirectionFrame(type, bytes.ToArray()), cancellationToken).ConfigureAwait(false);
        return frame;
    }

    /// <summary>
    /// Hands the next whole message to <paramref name="handler"/> while it still sits in the receive buffer, without
    /// copying it; false when the peer closed the connection between messages. The bytes are valid only during the
    /// call (bulk data such as IDE-R's 0x54, which the handler copies once to where it belongs).
    /// </summary>
    /// <exception cref="AmtProtocolException">Unknown opcode or oversized message.</exception>
    /// <exception cref="AmtConnectionException">The connection broke, or closed in the middle of a message.</exception>
    public async ValueTask<bool> ReadInPlaceAsync(InPlaceFrameHandler handler, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ObjectDisposedException.ThrowIf(_detached, this);
        while (true)
        {
            ReadResult result;
            try
            {
                result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsTransportFailure(exception) || exception is InvalidOperationException && _disposed != 0)
            {
                throw Broken(exception);
            }

            var buffer = result.Buffer;
            var reader = new SequenceReader<byte>(buffer);
            bool complete;
            RedirectionMessageType type;
            ReadOnlySequence<byte> bytes;
            try
            {
                complete = RedirectionFrameReader.TryReadInPlace(ref reader, Table, out type, out bytes);
            }
            catch (AmtProtocolException exception)
            {
                _reader.AdvanceTo(buffer.Start, buffer.End);
                throw exception.WithEndpoint(Endpoint);
            }

            if (complete)
            {
                HasReceived = true;
                try
                {
                    handler(type, bytes);
                    if (OnReceived is { } observer)
                    {
                        observer(new RedirectionFrame(type, bytes.ToArray()));
                    }
                }
                finally
                {
                    _reader.AdvanceTo(reader.Position);
                }

                return true;
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
            if (!buffer.IsEmpty)
            {
                HasReceived = true;
            }

            if (result.IsCompleted)
            {
                return buffer.IsEmpty
                    ? false
                    : throw new AmtConnectionException(Endpoint, ConnectionFailure.DroppedMidReply, $"{Endpoint}: the connection closed in the middle of a redirection message");
            }

            if (result.IsCanceled)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }

    /// <summary>Sends one message in its own write, then keeps the gap its type calls for.</summary>
    public ValueTask SendAsync(IRedirectionMessage message, CancellationToken cancellationToken = default) =>
        SendEncodedAsync(RedirectionMessage.ToArray(message), message.Type, cancellationToken);

    /// <summary>
    /// Sends already encoded bytes, one or several whole messages, in one write; then keeps the gap the type of the
    /// last one calls for. A client batches its bulk answers this way (IDE-R data chunks); a device must not batch
    /// messages that old clients need alone.
    /// </summary>
    public async ValueTask SendEncodedAsync(ReadOnlyMemory<byte> messages, RedirectionMessageType last, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            try
            {
                await _stream.WriteAsync(messages, cancellationToken).ConfigureAwait(false);
                await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (IsTransportFailure(exception))
            {
                throw Broken(exception);
            }

            if (GapAfter?.Invoke(last) is { } gap && gap > TimeSpan.Zero)
            {
                await Task.Delay(gap, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    /// <summary>
    /// Hands the connection over to a protocol that has no redirection framing (KVM's raw RFB after 0x41, reference
    /// §6.6.1). The returned stream first yields whatever already sits in the receive buffer (a peer may send RFB
    /// bytes in the same segment as the 0x40), then reads the connection; writes go straight to it. The channel
    /// reads no more messages; disposing the stream or the channel closes the connection.
    /// </summary>
    public Stream Detach()
    {
        ObjectDisposedException.ThrowIf(_disposed != 0 || _detached, this);
        _detached = true;
        return new DetachedStream(this);
    }

    /// <summary>Ends the connection at once, without an orderly END (what MeshCommander always does).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _closed.CancelAsync().ConfigureAwait(false);
        _reader.CancelPendingRead();
        await _stream.DisposeAsync().ConfigureAwait(false);
        await _reader.CompleteAsync().ConfigureAwait(false);
        _closed.Dispose();
    }

    /// <summary>The underlying transport, for a detached stream's writes.</summary>
    internal Stream Transport => _stream;

    /// <summary>The receive buffer as a stream, for a detached stream's reads.</summary>
    internal Stream ReaderStream() => _reader.AsStream(leaveOpen: true);

    private static bool IsTransportFailure(Exception exception) =>
        exception is IOException or SocketException or ObjectDisposedException;

    private AmtConnectionException Broken(Exception exception) =>
        new(Endpoint, ConnectionFailure.Reset, $"{Endpoint}: the redirection connection was closed by the peer", exception)
        {
            NoReplyOnFreshConnection = !HasReceived,
        };
}

/// <summary>A detached channel as a duplex stream: reads through the channel's buffer, writes to its transport.</summary>
file sealed class DetachedStream(RedirectionChannel channel) : Stream
{
    private readonly Stream _reading = channel.ReaderStream();

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => _reading.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _reading.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        _reading.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => channel.Transport.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        channel.Transport.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        channel.Transport.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => channel.Transport.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => channel.Transport.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        await channel.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            channel.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        base.Dispose(disposing);
    }
}

/// <summary>Receives one message in place: <paramref name="bytes"/> is valid only during the call.</summary>
public delegate void InPlaceFrameHandler(RedirectionMessageType type, ReadOnlySequence<byte> bytes);
