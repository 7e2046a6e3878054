using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire.Messages;

/// <summary>
/// 0x46 IDER_RESET_OCCURED, device to client, 9 bytes: the host reset the IDE channel (reference §6.5.7). The
/// client answers 0x47 once no read is in flight.
/// <code>
/// 46 00 00 att  seq LE32  mask
/// </code>
/// </summary>
public readonly record struct IderResetOccurred(uint Sequence, byte Mask, IderAttributes Attributes = IderAttributes.None) : IIderMessage<IderResetOccurred>
{
    public const int Size = 9;

    public int GetSize() => Size;

    public int Write(Span<byte> destination)
    {
        IderFrames.WriteHeader(destination[..Size], IderMessageType.IDER_RESET_OCCURED, Attributes, Sequence);
        destination[8] = Mask;
        return Size;
    }

    public static bool TryRead(ref SequenceReader<byte> reader, out IderResetOccurred message)
    {
        message = default;
        Span<byte> scratch = stackalloc byte[Size];
        if (!IderFrames.TryTake(ref reader, IderMessageType.IDER_RESET_OCCURED, scratch, out var length))
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = scratch[..length];

        message = new IderResetOccurred(IderWire.Sequence(bytes), bytes[8], (IderAttributes)bytes[3]);
        return true;
    }
}
