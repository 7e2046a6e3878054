using System.Buffers.Binary;

namespace SharpAmt.Redirection.Wire.Messages;

/// <summary>
/// SOL data: 0x28 to the host (C→D) and 0x2A from the host (D→C), <c>type 00 00 00 &lt;seq LE32&gt; &lt;len LE16&gt; data</c>.
/// amtterm sends seq 0 in every 0x28, so a device never checks it.
/// </summary>
public sealed record SolData(RedirectionMessageType Type, uint Sequence, ReadOnlyMemory<byte> Data) : IRedirectionMessage
{
    public const int MaxData = ushort.MaxValue;

    public int Size => 10 + Data.Length;

    public static SolData ToHost(ReadOnlyMemory<byte> data, uint sequence = 0) => new(RedirectionMessageType.SolDataToHost, sequence, data);

    public static SolData FromHost(ReadOnlyMemory<byte> data, uint sequence = 0) => new(RedirectionMessageType.SolDataFromHost, sequence, data);

    public void Write(Span<byte> destination)
    {
        RedirectionMessage.WriteType(destination, Type);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Sequence);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[8..], checked((ushort)Data.Length));
        Data.Span.CopyTo(destination[10..]);
    }

    public static SolData Read(RedirectionFrame frame)
    {
        if (frame.Type is not (RedirectionMessageType.SolDataToHost or RedirectionMessageType.SolDataFromHost) || frame.Length < 10)
        {
            throw RedirectionMessage.Malformed($"0x{(byte)frame.Type:X2} where SOL data was expected");
        }

        return new SolData(frame.Type, BinaryPrimitives.ReadUInt32LittleEndian(frame.Span[4..]), frame.Bytes.AsMemory(10));
    }
}
