using System.Buffers;
using System.IO.Pipelines;

namespace SharpAmt.Transport.Http;

/// <summary>
/// Reads whole HTTP messages, head and body, from a pipe, applying <see cref="HttpLimits"/> before buffering.
/// Client and device share it, so both frame bodies identically.
/// </summary>
public sealed class HttpMessageReader
{
    private readonly PipeReader _reader;
    private readonly HttpLimits _limits;

    public HttpMessageReader(PipeReader reader, HttpLimits limits)
    {
        _reader = reader;
        _limits = limits;
    }

    /// <summary>Bytes of the current message seen so far; zero means the peer sent nothing of it yet.</summary>
    public long BytesOfCurrentMessage { get; private set; }

    /// <summary>Bytes of the current message already consumed from the pipe (head, decoded chunks).</summary>
    private long _consumedOfMessage;

    /// <summary>The next request, or null when the peer closed cleanly between requests.</summary>
    public async ValueTask<HttpRequest?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        BytesOfCurrentMessage = 0;
        HttpRequestHead? head = null;
        while (head is null)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            BytesOfCurrentMessage = buffer.Length;
            var reader = new SequenceReader<byte>(buffer);
            if (HttpHeadParser.TryReadRequestHead(ref reader, _limits, out var parsed))
            {
                head = parsed;
                _consumedOfMessage = reader.Consumed;
                _reader.AdvanceTo(reader.Position);
                break;
            }

            if (result.IsCompleted)
            {
                // Inspect the buffer before advancing: AdvanceTo hands its memory back to the pipe.
                var onlyLineBreaks = buffer.Length == 0 || IsOnlyLineBreaks(buffer);
                _reader.AdvanceTo(buffer.End);
                if (onlyLineBreaks)
                {
                    BytesOfCurrentMessage = 0;
                    return null;
                }

                throw new EndOfStreamException("peer closed in the middle of a request head");
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
        }

        var framing = BodyFramingRules.Of(head.Headers, isResponse: false, 0, out var length);
        var body = await ReadBodyAsync(framing, length, cancellationToken).ConfigureAwait(false);
        return new HttpRequest(head, body);
    }

    /// <summary>
    /// The next response. Throws <see cref="EndOfStreamException"/> when the peer closes first; check
    /// <see cref="BytesOfCurrentMessage"/> to tell "nothing came back" from "dropped mid-reply".
    /// </summary>
    public async ValueTask<HttpResponse> ReadResponseAsync(CancellationToken cancellationToken)
    {
        BytesOfCurrentMessage = 0;
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            BytesOfCurrentMessage = buffer.Length;
            var reader = new SequenceReader<byte>(buffer);
            if (HttpHeadParser.TryReadResponseHead(ref reader, _limits, out var head))
            {
                _consumedOfMessage = reader.Consumed;
                _reader.AdvanceTo(reader.Position);
                var framing = BodyFramingRules.Of(head.Headers, isResponse: true, head.StatusCode, out var length);
                var body = await ReadBodyAsync(framing, length, cancellationToken).ConfigureAwait(false);
                var keepAlive = framing != BodyFraming.UntilClose
                    && !head.Headers.HasToken("Connection", "close")
                    && (head.Version == "HTTP/1.1" || head.Headers.HasToken("Connection", "keep-alive"));
                return new HttpResponse(head, body) { KeepAlive = keepAlive };
            }

            if (result.IsCompleted)
            {
                _reader.AdvanceTo(buffer.End);
                throw new EndOfStreamException("peer closed before a complete response head");
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private async ValueTask<ReadOnlyMemory<byte>> ReadBodyAsync(BodyFraming framing, long length, CancellationToken cancellationToken)
    {
        switch (framing)
        {
            case BodyFraming.None:
                return ReadOnlyMemory<byte>.Empty;

            case BodyFraming.ContentLength:
                if (length > _limits.MaxBodyBytes)
                {
                    throw new AmtProtocolException(ProtocolViolation.BodyTooLarge, $"{length} bytes announced");
                }

                return await ReadExactlyAsync((int)length, cancellationToken).ConfigureAwait(false);

            case BodyFraming.Chunked:
                return await ReadChunkedAsync(cancellationToken).ConfigureAwait(false);

            default:
                return await ReadUntilCloseAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<ReadOnlyMemory<byte>> ReadExactlyAsync(int length, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            BytesOfCurrentMessage = _consumedOfMessage + buffer.Length;
            if (buffer.Length >= length)
            {
                var body = buffer.Slice(0, length).ToArray();
                _reader.AdvanceTo(buffer.GetPosition(length));
                return body;
            }

            if (result.IsCompleted)
            {
                _reader.AdvanceTo(buffer.End);
                throw new EndOfStreamException("peer closed in the middle of a body");
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private async ValueTask<ReadOnlyMemory<byte>> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        var decoder = new ChunkedBodyDecoder(_limits.MaxBodyBytes);
        var output = new ArrayBufferWriter<byte>(1024);
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            BytesOfCurrentMessage = _consumedOfMessage + buffer.Length;
            var reader = new SequenceReader<byte>(buffer);
            var done = decoder.Decode(ref reader, output);
            if (done)
            {
                _reader.AdvanceTo(reader.Position);
                return output.WrittenMemory;
            }

            if (result.IsCompleted)
            {
                _reader.AdvanceTo(buffer.End);
                throw new EndOfStreamException("peer closed in the middle of a chunked body");
            }

            _consumedOfMessage += reader.Consumed;
            _reader.AdvanceTo(reader.Position, buffer.End);
        }
    }

    private async ValueTask<ReadOnlyMemory<byte>> ReadUntilCloseAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            BytesOfCurrentMessage = _consumedOfMessage + buffer.Length;
            if (buffer.Length > _limits.MaxBodyBytes)
            {
                throw new AmtProtocolException(ProtocolViolation.BodyTooLarge);
            }

            if (result.IsCompleted)
            {
                var body = buffer.ToArray();
                _reader.AdvanceTo(buffer.End);
                return body;
            }

            _reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static bool IsOnlyLineBreaks(ReadOnlySequence<byte> buffer)
    {
        foreach (var segment in buffer)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)'\r' or (byte)'\n'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
