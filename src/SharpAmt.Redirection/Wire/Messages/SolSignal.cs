using System.Buffers.Binary;

namespace SharpAmt.Redirection.Wire.Messages;

/// <summary>
/// The 8-byte SOL messages that carry only a sequence number: <c>type 00 00 00 &lt;seq LE32&gt;</c>.
/// 0x22/0x23 end, 0x24/0x25 keep-alive ping/pong, 0x2B heartbeat (both directions).
/// </summary>
public sealed record SolSignal(RedirectionMessageType Type, uint Sequence = 0) : IRedirectionMessage
{
    public int Size => 8;

    public static SolSignal End(uint sequence = 0) => new(RedirectionMessageType.EndSolRedirection, sequence);

    public static SolSignal EndReply(uint sequence = 0) => new(RedirectionMessageType.EndSolRedirectionReply, sequence);

    public static SolSignal Heartbeat(uint sequence = 0) => new(RedirectionMessageType.SolHeartbeat, sequence);

    public static SolSignal Pong(uint sequence = 0) => new(RedirectionMessageType.SolKeepAlivePong, sequence);

    public void Write(Span<byte> destination)
    {
        RedirectionMessage.WriteType(destination, Type);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Sequence);
    }

    public static SolSignal Read(RedirectionFrame frame)
    {
        if (frame.Length < 8)
        {
            throw RedirectionMessage.Malformed($"0x{(byte)frame.Type:X2} shorter than 8 bytes");
        }

        return new SolSignal(frame.Type, BinaryPrimitives.ReadUInt32LittleEndian(frame.Span[4..]));
    }
}
