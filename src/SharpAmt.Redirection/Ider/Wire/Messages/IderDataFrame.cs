using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire.Messages;

/// <summary>Cuts a header-plus-data message (0x53, 0x54): the header is copied, the data is left in place.</summary>
internal static class IderDataFrame
{
    public static bool TryTake(ref SequenceReader<byte> reader, IderMessageType expected, int headerSize, scoped Span<byte> header, out ReadOnlySequence<byte> data)
    {
        data = default;
        if (!IderFrames.TryGetLength(reader.UnreadSequence, out var length) || reader.Remaining < length)
        {
            return false;
        }

        var opcode = reader.UnreadSpan[0];
        if (opcode != (byte)expected)
        {
            IderProtocolException.Throw(IderRejectReason.UnexpectedOpcode, opcode);
        }

        var sequence = reader.UnreadSequence;
        sequence.Slice(0, headerSize).CopyTo(header);
        data = sequence.Slice(headerSize, length - headerSize);
        reader.Advance(length);
        return true;
    }
}
