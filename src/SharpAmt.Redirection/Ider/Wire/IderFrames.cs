using System.Buffers;
using System.Buffers.Binary;
using SharpAmt.Redirection.Wire;

namespace SharpAmt.Redirection.Ider.Wire;

/// <summary>
/// Message boundaries of the IDE-R stream. IDE-R messages carry no length prefix (reference §6.1): each opcode has
/// a fixed size or a length field at a known offset, so this table is what lets a receiver cut the stream.
/// </summary>
public static class IderFrames
{
    /// <summary>Every IDE-R message starts with this 8-byte header: type, 0, 0, attributes, LE32 sequence.</summary>
    public const int HeaderSize = 8;

    /// <summary>The largest data length the 16-bit length fields of 0x53 and 0x54 can announce.</summary>
    public const int MaxDataLength = ushort.MaxValue;

    /// <summary>The longest IDE-R message: a 0x54 header and the most data its LE16 length can announce.</summary>
    public const int MaxMessageLength = 34 + MaxDataLength;

    /// <summary>
    /// Every IDE-R opcode of both directions with its length (reference §6.1). This is the only place IDE-R lengths
    /// are written down: the session's frame table and <see cref="TryGetLength(ReadOnlySequence{byte}, int, out long)"/> both read it.
    /// </summary>
    private static readonly FrameLength?[] Lengths = CreateLengths();

    /// <summary>The session and authentication messages plus IDE-R's, for a connection once IDE-R has been asked for.</summary>
    public static RedirectionFrameTable Table { get; } = new RedirectionFrameTable(MaxMessageLength).AddSession().AddIder().Freeze();

    /// <summary>Registers every IDE-R opcode in <paramref name="table"/> (0x40/0x41 mean IDE-R open here, not KVM's).</summary>
    public static RedirectionFrameTable AddIder(this RedirectionFrameTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        for (var opcode = 0; opcode < Lengths.Length; opcode++)
        {
            if (Lengths[opcode] is { } length)
            {
                table.Register((byte)opcode, length);
            }
        }

        return table;
    }

    /// <summary>Whether <paramref name="opcode"/> is an IDE-R message, in either direction.</summary>
    public static bool IsIderOpcode(byte opcode) => Lengths[opcode] is not null;

    /// <summary>
    /// The total length of the message at the start of <paramref name="buffer"/>. Returns false when more bytes are
    /// needed to know it (nothing is consumed either way). An unknown first byte throws
    /// <see cref="IderProtocolException"/> at once, before anything is buffered.
    /// </summary>
    public static bool TryGetLength(ReadOnlySequence<byte> buffer, out long length) =>
        TryGetLength(buffer, MaxDataLength, out length);

    /// <summary>As <see cref="TryGetLength(ReadOnlySequence{byte}, out long)"/>, refusing data longer than <paramref name="maxDataLength"/>.</summary>
    public static bool TryGetLength(ReadOnlySequence<byte> buffer, int maxDataLength, out long length)
    {
        length = 0;
        if (buffer.IsEmpty)
        {
            return false;
        }

        var opcode = buffer.FirstSpan[0];
        if (Lengths[opcode] is not { } frame)
        {
            IderProtocolException.Throw(IderRejectReason.UnknownOpcode, opcode);
            return false;
        }

        // The length is known as soon as the field that decides it has arrived, so an oversized announcement is
        // refused before the rest of its header is waited for.
        var known = frame.LengthSize > 0 ? frame.LengthOffset + frame.LengthSize
            : frame.SelectorOffset >= 0 ? frame.SelectorOffset + 1
            : 1;
        if (buffer.Length < known)
        {
            return false;
        }

        // The widest deciding field ends at byte 30 (0x41's OEM length), so a small stack copy covers every case.
        Span<byte> head = stackalloc byte[known];
        buffer.Slice(0, known).CopyTo(head);
        var payload = frame.PayloadLength(head);
        if (frame.LengthSize > 0 && payload > maxDataLength)
        {
            IderProtocolException.Throw(IderRejectReason.DataTooLong, opcode, frame.LengthOffset);
        }

        length = frame.Header + payload;
        return true;
    }

    private static FrameLength?[] CreateLengths()
    {
        var lengths = new FrameLength?[256];
        void Set(IderMessageType type, FrameLength length) => lengths[(byte)type] = length;
        Set(IderMessageType.START_IDER_REDIRECTION, FrameLength.Fixed(18));
        Set(IderMessageType.START_IDER_REDIRECTION_REPLY, FrameLength.HeaderAndPayload(30, 29, 1));
        Set(IderMessageType.END_IDER_REDIRECTION, FrameLength.Fixed(HeaderSize));
        Set(IderMessageType.END_IDER_REDIRECTION_REPLY, FrameLength.Fixed(HeaderSize));
        Set(IderMessageType.IDER_KEEP_ALIVE_PING, FrameLength.Fixed(HeaderSize));
        Set(IderMessageType.IDER_KEEP_ALIVE_PONG, FrameLength.Fixed(HeaderSize));
        Set(IderMessageType.IDER_RESET_OCCURED, FrameLength.Fixed(9));
        Set(IderMessageType.IDER_RESET_OCCURED_RESPONSE, FrameLength.Fixed(HeaderSize));

        // Only type 3 (set register state) carries the LE32 value: 9 bytes for the queries, 13 for a set.
        Set(IderMessageType.IDER_DISABLE_ENABLE_FEATURES, FrameLength.HeaderAndTailWhen(9, 8, (byte)IderFeatureRequest.SetRegisterState, 4));
        Set(IderMessageType.IDER_DISABLE_ENABLE_FEATURES_REPLY, FrameLength.Fixed(13));
        Set(IderMessageType.IDER_ERROR_OCCURED, FrameLength.Fixed(11));
        Set(IderMessageType.IDER_HEARTBEAT, FrameLength.Fixed(HeaderSize));
        Set(IderMessageType.IDER_COMMAND_WRITTEN, FrameLength.Fixed(28));
        Set(IderMessageType.IDER_COMMAND_END_RESPONSE, FrameLength.Fixed(31));
        Set(IderMessageType.IDER_GET_DATA_FROM_HOST, FrameLength.Fixed(31));
        Set(IderMessageType.IDER_DATA_FROM_HOST, FrameLength.HeaderAndPayload(14, 9, 2));
        Set(IderMessageType.IDER_DATA_TO_HOST, FrameLength.HeaderAndPayload(34, 9, 2));
        return lengths;
    }

    /// <summary>
    /// Copies one whole message of type <paramref name="expected"/> off the reader into <paramref name="scratch"/>
    /// and consumes it; false, consuming nothing, when it is not all there yet.
    /// </summary>
    internal static bool TryTake(ref SequenceReader<byte> reader, IderMessageType expected, scoped Span<byte> scratch, out int length)
    {
        length = 0;
        if (!TryGetLength(reader.UnreadSequence, out var total) || reader.Remaining < total)
        {
            return false;
        }

        var opcode = reader.UnreadSpan[0];
        if (opcode != (byte)expected)
        {
            IderProtocolException.Throw(IderRejectReason.UnexpectedOpcode, opcode);
        }

        length = (int)total;
        reader.UnreadSequence.Slice(0, total).CopyTo(scratch);
        reader.Advance(total);
        return true;
    }

    internal static void WriteHeader(Span<byte> destination, IderMessageType type, IderAttributes attributes, uint sequence)
    {
        destination[0] = (byte)type;
        destination[1] = 0;
        destination[2] = 0;
        destination[3] = (byte)attributes;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], sequence);
    }
}
