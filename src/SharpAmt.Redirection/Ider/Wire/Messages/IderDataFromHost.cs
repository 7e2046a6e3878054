using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire.Messages;

/// <summary>
/// 0x53 IDER_DATA_FROM_HOST, device to client: a 14-byte header then the host's write data (reference §6.5.6).
/// <code>
/// 53 00 00 att  seq LE32  00  length LE16  00 00 00  data…
/// </code>
/// <see cref="Data"/> refers to the reader's buffer and is valid until the caller advances past it.
/// </summary>
public readonly record struct IderDataFromHost(uint Sequence, ReadOnlySequence<byte> Data, IderAttributes Attributes = IderAttributes.None)
    : IIderMessage<IderDataFromHost>
{
    public const int HeaderSize = 14;

    public int GetSize() => HeaderSize + checked((ushort)Data.Length);

    public int Write(Span<byte> destination)
    {
        var size = GetSize();
        var header = destination[..HeaderSize];
        header.Clear();
        IderFrames.WriteHeader(header, IderMessageType.IDER_DATA_FROM_HOST, Attributes, Sequence);
        IderWire.UInt16(header, 9, (ushort)Data.Length);
        Data.CopyTo(destination[HeaderSize..size]);
        return size;
    }

    public static bool TryRead(ref SequenceReader<byte> reader, out IderDataFromHost message)
    {
        message = default;
        Span<byte> scratch = stackalloc byte[HeaderSize];
        if (!IderDataFrame.TryTake(ref reader, IderMessageType.IDER_DATA_FROM_HOST, HeaderSize, scratch, out var data))
        {
            return false;
        }

        message = new IderDataFromHost(IderWire.Sequence(scratch), data, (IderAttributes)scratch[3]);
        return true;
    }
}
