using System.Buffers.Binary;

namespace SharpAmt.Redirection.Wire.Messages;

/// <summary>
/// 0x20, C→D, 24 bytes:
/// <code>
/// 0–3    20 00 00 00
/// 4–7    seq LE32
/// 8–9    MaxTxBuffer           (amtterm 1000, MeshCommander 10000)
/// 10–11  TxBufferTimeout ms    (100)
/// 12–13  TxOverflowTimeout     (0)
/// 14–15  RxTimeout ms          (10000)
/// 16–17  RxFlushTimeout ms     (amtterm 0, MeshCommander 100)
/// 18–19  heartbeat interval ms (amtterm 5000, MeshCommander 0)
/// 20–23  0
/// </code>
/// </summary>
public sealed record StartSolRedirection : IRedirectionMessage
{
    /// <summary>Exactly what amtterm sends.</summary>
    public static StartSolRedirection Amtterm { get; } = new();

    public uint Sequence { get; init; }

    public ushort MaxTxBuffer { get; init; } = 1000;

    public ushort TxBufferTimeout { get; init; } = 100;

    public ushort TxOverflowTimeout { get; init; }

    public ushort RxTimeout { get; init; } = 10000;

    public ushort RxFlushTimeout { get; init; }

    public ushort HeartbeatInterval { get; init; } = 5000;

    public RedirectionMessageType Type => RedirectionMessageType.StartSolRedirection;

    public int Size => 24;

    public void Write(Span<byte> destination)
    {
        destination[..24].Clear();
        RedirectionMessage.WriteType(destination, Type);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Sequence);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[8..], MaxTxBuffer);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[10..], TxBufferTimeout);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[12..], TxOverflowTimeout);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[14..], RxTimeout);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[16..], RxFlushTimeout);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[18..], HeartbeatInterval);
    }

    public static StartSolRedirection Read(RedirectionFrame frame)
    {
        RedirectionMessage.Expect(frame, RedirectionMessageType.StartSolRedirection, 24);
        var span = frame.Span;
        return new StartSolRedirection
        {
            Sequence = BinaryPrimitives.ReadUInt32LittleEndian(span[4..]),
            MaxTxBuffer = BinaryPrimitives.ReadUInt16LittleEndian(span[8..]),
            TxBufferTimeout = BinaryPrimitives.ReadUInt16LittleEndian(span[10..]),
            TxOverflowTimeout = BinaryPrimitives.ReadUInt16LittleEndian(span[12..]),
            RxTimeout = BinaryPrimitives.ReadUInt16LittleEndian(span[14..]),
            RxFlushTimeout = BinaryPrimitives.ReadUInt16LittleEndian(span[16..]),
            HeartbeatInterval = BinaryPrimitives.ReadUInt16LittleEndian(span[18..]),
        };
    }
}
