using System.Buffers.Binary;

namespace SharpAmt.Redirection.Wire.Messages;

/// <summary>0x29 SOL_CONTROLS_FROM_HOST, D→C, 10 bytes: <c>29 00 00 00 &lt;seq LE32&gt; &lt;control&gt; &lt;status&gt;</c>.</summary>
public sealed record SolControls(uint Sequence, SolControl Control, SolStatus Status) : IRedirectionMessage
{
    public RedirectionMessageType Type => RedirectionMessageType.SolControlsFromHost;

    public int Size => 10;

    public void Write(Span<byte> destination)
    {
        RedirectionMessage.WriteType(destination, Type);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Sequence);
        destination[8] = (byte)Control;
        destination[9] = (byte)Status;
    }

    public static SolControls Read(RedirectionFrame frame)
    {
        RedirectionMessage.Expect(frame, RedirectionMessageType.SolControlsFromHost, 10);
        var span = frame.Span;
        return new SolControls(BinaryPrimitives.ReadUInt32LittleEndian(span[4..]), (SolControl)span[8], (SolStatus)span[9]);
    }
}
