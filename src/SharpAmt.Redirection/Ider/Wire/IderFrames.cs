using System.Buffers;
using System.Buffers.Binary;

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

    /// <summary>Whether <paramref name="opcode"/> is an IDE-R message, in either direction.</summary>
    public static bool IsIderOpcode(byte opcode) => opcode is >= 0x40 and <= 0x4B or >= 0x50 and <= 0x54;

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

        // The widest field the table reads ends at byte 30, so a small stack copy covers every case.
        Span<byte> head = stackalloc byte[30];
        var available = (int)Math.Min(buffer.Length, head.Length);
        buffer.Slice(0, available).CopyTo(head);
        head = head[..available];
        var opcode = head[0];
        var fixedOrMinimum = opcode switch
        {
            0x40 => 18,
            0x41 => 30,
            0x42 or 0x43 or 0x44 or 0x45 or 0x47 or 0x4B => 8,
            0x46 => 9,
            0x48 => 9,
            0x49 => 13,
            0x4A => 11,
            0x50 => 28,
            0x51 or 0x52 => 31,
            0x53 => 14,
            0x54 => 34,
            _ => -1,
        };
        if (fixedOrMinimum < 0)
        {
            IderProtocolException.Throw(IderRejectReason.UnknownOpcode, opcode);
        }

        switch (opcode)
        {
            case 0x41:
                if (head.Length < 30)
                {
                    return false;
                }

                length = 30 + head[29];
                return true;
            case 0x48:
                if (head.Length < 9)
                {
                    return false;
                }

                // Only type 3 (set register state) carries the LE32 value.
                length = head[8] == (byte)IderFeatureRequest.SetRegisterState ? 13 : 9;
                return true;
            case 0x53 or 0x54:
                if (head.Length < 11)
                {
                    return false;
                }

                var data = BinaryPrimitives.ReadUInt16LittleEndian(head[9..]);
                if (data > maxDataLength)
                {
                    IderProtocolException.Throw(IderRejectReason.DataTooLong, opcode, 9);
                }

                length = fixedOrMinimum + data;
                return true;
            default:
                length = fixedOrMinimum;
                return true;
        }
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
