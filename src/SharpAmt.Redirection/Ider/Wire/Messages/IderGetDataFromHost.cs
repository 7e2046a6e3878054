using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire.Messages;

/// <summary>
/// 0x52 IDER_GET_DATA_FROM_HOST, client to device, 31 bytes: the client asks for a command's write data
/// (reference §6.5.6).
/// <code>
/// 52 00 00 att  seq LE32  00  chunk LE16  00  B5 00 00 00 chunk-lsb chunk-msb dev 58  (11 zero bytes)
/// </code>
/// </summary>
public readonly record struct IderGetDataFromHost(uint Sequence, ushort ChunkLength, AtaRegisters Input, IderAttributes Attributes = IderAttributes.None)
    : IIderMessage<IderGetDataFromHost>
{
    public const int Size = 31;

    public static IderGetDataFromHost For(uint sequence, byte drive, ushort chunkLength) =>
        new(sequence, chunkLength, new AtaRegisters(0xB5, 0, 0, 0, (byte)chunkLength, (byte)(chunkLength >> 8), drive,
            AtaRegisters.StatusReady | AtaRegisters.StatusSeekComplete | AtaRegisters.StatusDataRequest));

    public int GetSize() => Size;

    public int Write(Span<byte> destination)
    {
        var message = destination[..Size];
        message.Clear();
        IderFrames.WriteHeader(message, IderMessageType.IDER_GET_DATA_FROM_HOST, Attributes, Sequence);
        IderWire.UInt16(message, 9, ChunkLength);
        Input.Write(message[12..]);
        return Size;
    }

    public static bool TryRead(ref SequenceReader<byte> reader, out IderGetDataFromHost message)
    {
        message = default;
        Span<byte> scratch = stackalloc byte[Size];
        if (!IderFrames.TryTake(ref reader, IderMessageType.IDER_GET_DATA_FROM_HOST, scratch, out var length))
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = scratch[..length];

        message = new IderGetDataFromHost(IderWire.Sequence(bytes), IderWire.UInt16(bytes, 9), AtaRegisters.Read(bytes[12..]), (IderAttributes)bytes[3]);
        return true;
    }
}
