using System.Buffers.Binary;

namespace SharpAmt.Redirection.Wire.Messages;

/// <summary>
/// 0x21, D→C, 23 bytes. Clients read only the status (byte 1) and the length; the rest follows the layout
/// amtterm 1.4/1.8 and MeshCommander accept (the middle fields' meaning is unconfirmed):
/// <code>
/// 21 st 00 00 | seq LE32 | protocol 01 00 | firmware maj min | buffer LE16 (0x2000) | 01 00 00 00 | IANA LE32 | OEM len 0
/// </code>
/// </summary>
public sealed record StartSolRedirectionReply(RedirectionStatus Status) : IRedirectionMessage
{
    public uint Sequence { get; init; }

    public byte FirmwareMajor { get; init; }

    public byte FirmwareMinor { get; init; }

    public ushort BufferSize { get; init; } = 0x2000;

    public RedirectionMessageType Type => RedirectionMessageType.StartSolRedirectionReply;

    public int Size => 23;

    public void Write(Span<byte> destination)
    {
        destination[..23].Clear();
        RedirectionMessage.WriteType(destination, Type);
        destination[1] = (byte)Status;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Sequence);
        destination[8] = 1;
        destination[9] = 0;
        destination[10] = FirmwareMajor;
        destination[11] = FirmwareMinor;
        BinaryPrimitives.WriteUInt16LittleEndian(destination[12..], BufferSize);
        destination[14] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[18..], StartRedirectionSessionReply.IntelIana);
    }

    public static StartSolRedirectionReply Read(RedirectionFrame frame)
    {
        RedirectionMessage.Expect(frame, RedirectionMessageType.StartSolRedirectionReply, 23);
        var span = frame.Span;
        return new StartSolRedirectionReply((RedirectionStatus)span[1])
        {
            Sequence = BinaryPrimitives.ReadUInt32LittleEndian(span[4..]),
            FirmwareMajor = span[10],
            FirmwareMinor = span[11],
            BufferSize = BinaryPrimitives.ReadUInt16LittleEndian(span[12..]),
        };
    }
}
