using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire.Messages;

/// <summary>
/// 0x41 START_IDER_REDIRECTION_REPLY, device to client, 30 bytes plus OEM data (reference §6.5.1).
/// <code>
/// 0  1      3     4..7  8     9     10    11    12..15 16..17        18..19         20 21       22..24 25..28    29
/// 41 status 0 att seq   proto proto fw    fw    0      read buf LE16 write buf LE16 0  features 0      IANA LE32 OEM length, then OEM data
///                       major minor major minor
/// </code>
/// The read buffer size bounds every 0x54 chunk; MeshCommander refuses sizes above 8192 and any features byte but 0.
/// </summary>
public readonly record struct IderOpenSessionReply(uint Sequence, byte Status, byte ProtocolMajor, byte ProtocolMinor, byte FirmwareMajor, byte FirmwareMinor,
    ushort ReadBufferSize, ushort WriteBufferSize, byte Features = 0, uint Iana = IderOpenSessionReply.IntelIana, ReadOnlyMemory<byte> OemData = default,
    IderAttributes Attributes = IderAttributes.None) : IIderMessage<IderOpenSessionReply>
{
    public const int FixedSize = 30;

    /// <summary>Intel's IANA enterprise number, which AMT puts in bytes 25–28.</summary>
    public const uint IntelIana = 343;

    /// <summary>The largest buffer size MeshCommander accepts.</summary>
    public const ushort MaxBufferSize = 8192;

    public int GetSize() => FixedSize + OemData.Length;

    public int Write(Span<byte> destination)
    {
        if (OemData.Length > byte.MaxValue)
        {
            throw new InvalidOperationException("IDE-R OEM data is at most 255 bytes.");
        }

        var message = destination[..GetSize()];
        message[..FixedSize].Clear();
        IderFrames.WriteHeader(message, IderMessageType.START_IDER_REDIRECTION_REPLY, Attributes, Sequence);
        message[1] = Status;
        message[8] = ProtocolMajor;
        message[9] = ProtocolMinor;
        message[10] = FirmwareMajor;
        message[11] = FirmwareMinor;
        IderWire.UInt16(message, 16, ReadBufferSize);
        IderWire.UInt16(message, 18, WriteBufferSize);
        message[21] = Features;
        IderWire.UInt32(message, 25, Iana);
        message[29] = (byte)OemData.Length;
        OemData.Span.CopyTo(message[FixedSize..]);
        return message.Length;
    }

    public static bool TryRead(ref SequenceReader<byte> reader, out IderOpenSessionReply message)
    {
        message = default;
        Span<byte> scratch = stackalloc byte[FixedSize + byte.MaxValue];
        if (!IderFrames.TryTake(ref reader, IderMessageType.START_IDER_REDIRECTION_REPLY, scratch, out var length))
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = scratch[..length];

        message = new IderOpenSessionReply(IderWire.Sequence(bytes), bytes[1], bytes[8], bytes[9], bytes[10], bytes[11], IderWire.UInt16(bytes, 16),
            IderWire.UInt16(bytes, 18), bytes[21], IderWire.UInt32(bytes, 25), bytes[FixedSize..].ToArray(), (IderAttributes)bytes[3]);
        return true;
    }
}
