using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire.Messages;

/// <summary>
/// The 8-byte IDE-R messages that are only a header: 0x42/0x43 end, 0x44/0x45 keep-alive, 0x47 reset response and
/// 0x4B heartbeat (reference §6.5.7).
/// <code>
/// 0      1  2  3           4..7
/// type   0  0  attributes  seq LE32
/// </code>
/// </summary>
public readonly record struct IderHeaderMessage(IderMessageType Type, uint Sequence, IderAttributes Attributes = IderAttributes.None)
    : IIderMessage<IderHeaderMessage>
{
    public const int Size = IderFrames.HeaderSize;

    public static bool IsHeaderOnly(IderMessageType type) => type is IderMessageType.END_IDER_REDIRECTION or IderMessageType.END_IDER_REDIRECTION_REPLY
        or IderMessageType.IDER_KEEP_ALIVE_PING or IderMessageType.IDER_KEEP_ALIVE_PONG or IderMessageType.IDER_RESET_OCCURED_RESPONSE
        or IderMessageType.IDER_HEARTBEAT;

    public int GetSize() => Size;

    public int Write(Span<byte> destination)
    {
        IderFrames.WriteHeader(destination[..Size], Type, Attributes, Sequence);
        return Size;
    }

    public static bool TryRead(ref SequenceReader<byte> reader, out IderHeaderMessage message)
    {
        message = default;
        if (!reader.TryPeek(out var opcode))
        {
            return false;
        }

        if (!IsHeaderOnly((IderMessageType)opcode))
        {
            // Known opcodes of other shapes are "unexpected" here; unknown ones are refused by the length table.
            _ = IderFrames.TryGetLength(reader.UnreadSequence, out _);
            IderProtocolException.Throw(IderRejectReason.UnexpectedOpcode, opcode);
        }

        Span<byte> scratch = stackalloc byte[Size];
        if (!IderFrames.TryTake(ref reader, (IderMessageType)opcode, scratch, out var length))
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = scratch[..length];

        message = new IderHeaderMessage((IderMessageType)opcode, IderWire.Sequence(bytes), (IderAttributes)bytes[3]);
        return true;
    }
}
