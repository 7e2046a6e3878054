using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire.Messages;

/// <summary>
/// 0x40 START_IDER_REDIRECTION, client to device, 18 bytes (reference §6.5.1). MeshCommander's layout:
/// <code>
/// 0     3      4..7     8..9          10..11        12..13         14..17
/// 40 00 00 00  seq LE32 rx_timeout LE16 tx_timeout LE16 heartbeat LE16 version LE32
/// </code>
/// amtider sends no header: <c>40 tx LE16, rx LE16, heartbeat LE16, version LE32</c> and 7 zero bytes. A device
/// accepts any 18-byte 0x40; the reader tells the two apart by bytes 1–2, which are 0 only in the headed form.
/// </summary>
public readonly record struct IderOpenSession(uint Sequence, ushort RxTimeoutMilliseconds, ushort TxTimeoutMilliseconds, ushort HeartbeatMilliseconds, uint Version = 1,
    bool Headerless = false) : IIderMessage<IderOpenSession>
{
    public const int Size = 18;

    /// <summary>What MeshCommander asks for: rx 30 s, no tx timeout, heartbeat 20 s, version 1.</summary>
    public static IderOpenSession MeshCommanderDefaults(uint sequence) => new(sequence, 30000, 0, 20000);

    public int GetSize() => Size;

    public int Write(Span<byte> destination)
    {
        var message = destination[..Size];
        message.Clear();
        message[0] = (byte)IderMessageType.START_IDER_REDIRECTION;
        if (Headerless)
        {
            IderWire.UInt16(message, 1, TxTimeoutMilliseconds);
            IderWire.UInt16(message, 3, RxTimeoutMilliseconds);
            IderWire.UInt16(message, 5, HeartbeatMilliseconds);
            IderWire.UInt32(message, 7, Version);
            return Size;
        }

        IderWire.UInt32(message, 4, Sequence);
        IderWire.UInt16(message, 8, RxTimeoutMilliseconds);
        IderWire.UInt16(message, 10, TxTimeoutMilliseconds);
        IderWire.UInt16(message, 12, HeartbeatMilliseconds);
        IderWire.UInt32(message, 14, Version);
        return Size;
    }

    public static bool TryRead(ref SequenceReader<byte> reader, out IderOpenSession message)
    {
        message = default;
        Span<byte> scratch = stackalloc byte[Size];
        if (!IderFrames.TryTake(ref reader, IderMessageType.START_IDER_REDIRECTION, scratch, out var length))
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = scratch[..length];

        message = bytes[1] == 0 && bytes[2] == 0
            ? new IderOpenSession(IderWire.Sequence(bytes), IderWire.UInt16(bytes, 8), IderWire.UInt16(bytes, 10), IderWire.UInt16(bytes, 12), IderWire.UInt32(bytes, 14))
            : new IderOpenSession(0, IderWire.UInt16(bytes, 3), IderWire.UInt16(bytes, 1), IderWire.UInt16(bytes, 5), IderWire.UInt32(bytes, 7), Headerless: true);
        return true;
    }
}
