using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire.Messages;

/// <summary>
/// 0x4A IDER_ERROR_OCCURED, device to client, 11 bytes (reference §6.5.7). MeshCommander logs byte 8 as the
/// error; the two bytes after it are kept as they came. amtider aborts on it.
/// <code>
/// 4A 00 00 att  seq LE32  error  detail (2 bytes)
/// </code>
/// </summary>
public readonly record struct IderErrorOccurred(uint Sequence, byte Error, byte Detail1 = 0, byte Detail2 = 0, IderAttributes Attributes = IderAttributes.None)
    : IIderMessage<IderErrorOccurred>
{
    public const int Size = 11;

    public int GetSize() => Size;

    public int Write(Span<byte> destination)
    {
        IderFrames.WriteHeader(destination[..Size], IderMessageType.IDER_ERROR_OCCURED, Attributes, Sequence);
        destination[8] = Error;
        destination[9] = Detail1;
        destination[10] = Detail2;
        return Size;
    }

    public static bool TryRead(ref SequenceReader<byte> reader, out IderErrorOccurred message)
    {
        message = default;
        Span<byte> scratch = stackalloc byte[Size];
        if (!IderFrames.TryTake(ref reader, IderMessageType.IDER_ERROR_OCCURED, scratch, out var length))
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = scratch[..length];

        message = new IderErrorOccurred(IderWire.Sequence(bytes), bytes[8], bytes[9], bytes[10], (IderAttributes)bytes[3]);
        return true;
    }
}
