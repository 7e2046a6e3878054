using System.Buffers;
using System.Globalization;
using SharpAmt.Transport;

namespace SharpAmt.Redirection.Wire;

/// <summary>
/// Finds whole messages in received bytes, whatever the reads split or coalesced. The one parse contract of
/// the project: incomplete input returns false and consumes nothing; an unknown opcode or a declared length
/// over the table's limit is rejected as soon as it is seen, before waiting for its payload.
/// </summary>
public static class RedirectionFrameReader
{
    /// <summary>Reads one whole message into its own array.</summary>
    /// <exception cref="AmtProtocolException">Unknown opcode, or a message longer than the table allows.</exception>
    public static bool TryRead(ref SequenceReader<byte> reader, RedirectionFrameTable table, out RedirectionFrame frame)
    {
        frame = default;
        if (!TryReadInPlace(ref reader, table, out var type, out var bytes))
        {
            return false;
        }

        frame = new RedirectionFrame(type, bytes.ToArray());
        return true;
    }

    /// <summary>
    /// Reads one whole message without copying it: <paramref name="bytes"/> refers to the reader's buffer and is
    /// valid only until the caller releases that buffer (the IDE-R data path, where a copy per 8 KiB chunk would
    /// dominate the cost).
    /// </summary>
    /// <exception cref="AmtProtocolException">Unknown opcode, or a message longer than the table allows.</exception>
    public static bool TryReadInPlace(ref SequenceReader<byte> reader, RedirectionFrameTable table, out RedirectionMessageType type, out ReadOnlySequence<byte> bytes)
    {
        bytes = default;
        type = default;
        if (!reader.TryPeek(out var opcode))
        {
            return false;
        }

        if (!table.TryGetLength(opcode, out var length))
        {
            throw new AmtProtocolException(ProtocolViolation.UnknownRedirectionMessage, "0x" + opcode.ToString("X2", CultureInfo.InvariantCulture));
        }

        if (reader.Remaining < length.Header)
        {
            return false;
        }

        long total = length.Header;
        if (!length.IsFixed)
        {
            Span<byte> header = stackalloc byte[length.Header <= 64 ? length.Header : 0];
            var headerBytes = length.Header <= 64 ? header : new byte[length.Header];
            reader.TryCopyTo(headerBytes);
            total += length.PayloadLength(headerBytes);
        }

        if (total > table.MaxFrameLength)
        {
            throw new AmtProtocolException(ProtocolViolation.RedirectionMessageTooLarge,
                string.Create(CultureInfo.InvariantCulture, $"0x{opcode:X2} of {total} bytes, limit {table.MaxFrameLength}"));
        }

        if (reader.Remaining < total)
        {
            return false;
        }

        bytes = reader.UnreadSequence.Slice(0, total);
        reader.Advance(total);
        type = (RedirectionMessageType)opcode;
        return true;
    }
}
