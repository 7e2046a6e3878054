using System.Buffers;

namespace SharpAmt.Transport.Http;

/// <summary>
/// Incremental decoder of a chunked body. It consumes whatever complete pieces are buffered and keeps its
/// place between calls, so a body split at any byte decodes the same.
/// </summary>
public sealed class ChunkedBodyDecoder
{
    private const int MaxSizeLine = 256;
    private const int MaxTrailerLines = 32;

    private readonly int _maxBodyBytes;
    private State _state = State.SizeLine;
    private long _remainingInChunk;
    private long _decoded;
    private int _trailerLines;

    public ChunkedBodyDecoder(int maxBodyBytes)
    {
        _maxBodyBytes = maxBodyBytes;
    }

    private enum State
    {
        SizeLine,
        Data,
        DataEnd,
        Trailer,
        Done,
    }

    public bool IsComplete => _state == State.Done;

    /// <summary>Decodes from <paramref name="reader"/> into <paramref name="output"/>; true once the last chunk and trailer are read.</summary>
    public bool Decode(ref SequenceReader<byte> reader, IBufferWriter<byte> output)
    {
        while (true)
        {
            switch (_state)
            {
                case State.SizeLine:
                    if (!TryReadLine(ref reader, out var line))
                    {
                        return false;
                    }

                    _remainingInChunk = ParseChunkSize(line);
                    _state = _remainingInChunk == 0 ? State.Trailer : State.Data;
                    if (_decoded + _remainingInChunk > _maxBodyBytes)
                    {
                        throw new AmtProtocolException(ProtocolViolation.BodyTooLarge);
                    }

                    break;

                case State.Data:
                    if (reader.Remaining == 0)
                    {
                        return false;
                    }

                    var take = (int)Math.Min(_remainingInChunk, reader.Remaining);
                    var slice = reader.UnreadSequence.Slice(0, take);
                    foreach (var segment in slice)
                    {
                        output.Write(segment.Span);
                    }

                    reader.Advance(take);
                    _remainingInChunk -= take;
                    _decoded += take;
                    if (_remainingInChunk == 0)
                    {
                        _state = State.DataEnd;
                    }

                    break;

                case State.DataEnd:
                    if (!TryReadLine(ref reader, out var end))
                    {
                        return false;
                    }

                    if (end.Length != 0)
                    {
                        throw new AmtProtocolException(ProtocolViolation.MalformedChunk, "chunk data longer than its size");
                    }

                    _state = State.SizeLine;
                    break;

                case State.Trailer:
                    if (!TryReadLine(ref reader, out var trailer))
                    {
                        return false;
                    }

                    if (trailer.Length == 0)
                    {
                        _state = State.Done;
                    }
                    else if (++_trailerLines > MaxTrailerLines)
                    {
                        throw new AmtProtocolException(ProtocolViolation.MalformedChunk, "too many trailer lines");
                    }

                    break;

                case State.Done:
                    return true;
            }
        }
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line)
    {
        if (!reader.TryReadTo(out line, (byte)'\n'))
        {
            if (reader.Remaining > MaxSizeLine)
            {
                throw new AmtProtocolException(ProtocolViolation.MalformedChunk, "chunk line too long");
            }

            return false;
        }

        if (line.Length > MaxSizeLine)
        {
            throw new AmtProtocolException(ProtocolViolation.MalformedChunk, "chunk line too long");
        }

        if (line.Length > 0 && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r')
        {
            line = line.Slice(0, line.Length - 1);
        }

        return true;
    }

    private static long ParseChunkSize(ReadOnlySequence<byte> line)
    {
        Span<byte> buffer = stackalloc byte[MaxSizeLine];
        line.CopyTo(buffer);
        var text = buffer[..(int)line.Length];
        var semicolon = text.IndexOf((byte)';');
        if (semicolon >= 0)
        {
            text = text[..semicolon];
        }

        text = text.TrimEnd((byte)' ');
        if (text.Length == 0 || text.Length > 8)
        {
            throw new AmtProtocolException(ProtocolViolation.MalformedChunk, "bad chunk size");
        }

        long size = 0;
        foreach (var b in text)
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => throw new AmtProtocolException(ProtocolViolation.MalformedChunk, "bad chunk size"),
            };
            size = (size << 4) | (uint)digit;
        }

        return size;
    }
}
