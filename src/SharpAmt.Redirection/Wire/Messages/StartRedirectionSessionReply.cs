using System.Buffers.Binary;

namespace SharpAmt.Redirection.Wire.Messages;

/// <summary>
/// 0x11, D→C, 13 + OEM length bytes:
/// <code>
/// 0     0x11
/// 1     status (RedirectionStatus)
/// 2–3   0
/// 4–5   protocol version major, minor (1, 0)
/// 6–7   firmware major, minor
/// 8–11  IANA enterprise number LE32 = 343
/// 12    OEM data length (always 0 from a device: amtterm reads exactly 13 bytes)
/// 13…   OEM data
/// </code>
/// </summary>
public sealed record StartRedirectionSessionReply(RedirectionStatus Status, byte FirmwareMajor = 0, byte FirmwareMinor = 0) : IRedirectionMessage
{
    public const uint IntelIana = 343;

    public byte ProtocolMajor { get; init; } = 1;

    public byte ProtocolMinor { get; init; }

    public uint Iana { get; init; } = IntelIana;

    public byte[] OemData { get; init; } = [];

    public RedirectionMessageType Type => RedirectionMessageType.StartRedirectionSessionReply;

    public int Size => 13 + OemData.Length;

    public void Write(Span<byte> destination)
    {
        RedirectionMessage.WriteType(destination, Type);
        destination[1] = (byte)Status;
        destination[4] = ProtocolMajor;
        destination[5] = ProtocolMinor;
        destination[6] = FirmwareMajor;
        destination[7] = FirmwareMinor;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], Iana);
        destination[12] = checked((byte)OemData.Length);
        OemData.CopyTo(destination[13..]);
    }

    public static StartRedirectionSessionReply Read(RedirectionFrame frame)
    {
        RedirectionMessage.Expect(frame, RedirectionMessageType.StartRedirectionSessionReply, 13);
        var span = frame.Span;
        return new StartRedirectionSessionReply((RedirectionStatus)span[1], span[6], span[7])
        {
            ProtocolMajor = span[4],
            ProtocolMinor = span[5],
            Iana = BinaryPrimitives.ReadUInt32LittleEndian(span[8..]),
            OemData = span[13..].ToArray(),
        };
    }
}
