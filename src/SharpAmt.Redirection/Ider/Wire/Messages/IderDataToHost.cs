using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire.Messages;

/// <summary>
/// 0x54 IDER_DATA_TO_HOST, client to device: a 34-byte header then up to the device's read buffer size of data
/// (reference §6.5.5).
/// <code>
/// 0  3    4..7  8   9..10        11  12..19                       20..27                          28..30  31..33
/// 54 att  seq   00  length LE16  00  input registers              output registers                sense   0
///                                    B5/B4 00 02 00 lsb msb dev 58 zeros, or on the last chunk
///                                                                  85 00 03 00 00 00 dev 50
/// </code>
/// Only the last chunk has attribute 0x02 (completed) and the final status, so no 0x51 follows it.
/// <see cref="Data"/> of a read message refers to the reader's buffer and is valid until the caller advances.
/// </summary>
public readonly record struct IderDataToHost(uint Sequence, AtaRegisters Input, AtaRegisters Output, ReadOnlySequence<byte> Data, AtapiSense Sense = default,
    IderAttributes Attributes = IderAttributes.None) : IIderMessage<IderDataToHost>
{
    public const int HeaderSize = 34;

    public bool IsCompleted => (Attributes & IderAttributes.Completed) != 0;

    /// <summary>
    /// One chunk of a read as the toolkit's client sends it: the byte-count registers carry the length for PIO
    /// (MeshCommander's choice), the last chunk carries GOOD status.
    /// </summary>
    public static IderDataToHost Chunk(uint sequence, byte drive, bool dma, ReadOnlySequence<byte> data, bool last) =>
        new(sequence, AtaRegisters.DataIn(drive, dma, dma ? 0 : (int)data.Length), last ? AtaRegisters.Good(drive) : default, data, AtapiSense.None,
            (last ? IderAttributes.Completed : IderAttributes.None) | (dma ? IderAttributes.Dma : IderAttributes.None));

    public int GetSize() => HeaderSize + checked((ushort)Data.Length);

    public int Write(Span<byte> destination)
    {
        var size = GetSize();
        WriteHeader(destination, (ushort)Data.Length);
        Data.CopyTo(destination[HeaderSize..size]);
        return size;
    }

    /// <summary>Writes only the 34-byte header announcing <paramref name="dataLength"/> bytes, for callers that place the data themselves.</summary>
    public void WriteHeader(Span<byte> destination, ushort dataLength)
    {
        var header = destination[..HeaderSize];
        IderFrames.WriteHeader(header, IderMessageType.IDER_DATA_TO_HOST, Attributes, Sequence);
        header[8] = 0;
        IderWire.UInt16(header, 9, dataLength);
        header[11] = 0;
        Input.Write(header[12..]);
        Output.Write(header[20..]);
        header[28] = Sense.Key;
        header[29] = Sense.Asc;
        header[30] = Sense.Ascq;
        header[31] = 0;
        header[32] = 0;
        header[33] = 0;
    }

    public static bool TryRead(ref SequenceReader<byte> reader, out IderDataToHost message)
    {
        message = default;
        Span<byte> scratch = stackalloc byte[HeaderSize];
        if (!IderDataFrame.TryTake(ref reader, IderMessageType.IDER_DATA_TO_HOST, HeaderSize, scratch, out var data))
        {
            return false;
        }

        message = new IderDataToHost(IderWire.Sequence(scratch), AtaRegisters.Read(scratch[12..]), AtaRegisters.Read(scratch[20..]), data,
            new AtapiSense(scratch[28], scratch[29], scratch[30]), (IderAttributes)scratch[3]);
        return true;
    }
}
