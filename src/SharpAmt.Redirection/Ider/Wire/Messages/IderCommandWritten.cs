using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire.Messages;

/// <summary>
/// 0x50 IDER_COMMAND_WRITTEN, device to client, 28 bytes: the host's ATA command (reference §6.5.3).
/// <code>
/// 0  3   4..7  8      9       10     11     12..13         14     15       16..27
/// 50 att seq   cable  feature sector sector byte count LE16 drive  command  ATAPI CDB (12 bytes, big-endian fields)
///              select         count  number
/// </code>
/// Drive bit 4 set addresses the CD-ROM (0xB0), clear the floppy (0xA0); feature bit 0 asks for DMA. The ATA
/// command is 0xA0 (PACKET) for every ATAPI command.
/// </summary>
public readonly record struct IderCommandWritten(uint Sequence, AtapiCdb Cdb, byte Drive = AtaRegisters.DriveCdrom, byte Feature = 0, ushort ByteCount = 0xFFFE,
    byte AtaCommand = IderCommandWritten.AtaPacket, byte CableSelect = 0, byte SectorCount = 0, byte SectorNumber = 0, IderAttributes Attributes = IderAttributes.None)
    : IIderMessage<IderCommandWritten>
{
    public const int Size = 28;

    /// <summary>ATA PACKET, the command that carries an ATAPI CDB.</summary>
    public const byte AtaPacket = 0xA0;

    public bool IsCdrom => (Drive & 0x10) != 0;

    /// <summary>The drive register value the answers carry: 0xB0 for the CD-ROM, 0xA0 for the floppy.</summary>
    public byte Device => IsCdrom ? AtaRegisters.DriveCdrom : AtaRegisters.DriveFloppy;

    public bool Dma => (Feature & 0x01) != 0;

    public int GetSize() => Size;

    public int Write(Span<byte> destination)
    {
        var message = destination[..Size];
        IderFrames.WriteHeader(message, IderMessageType.IDER_COMMAND_WRITTEN, Attributes, Sequence);
        message[8] = CableSelect;
        message[9] = Feature;
        message[10] = SectorCount;
        message[11] = SectorNumber;
        IderWire.UInt16(message, 12, ByteCount);
        message[14] = Drive;
        message[15] = AtaCommand;
        Cdb.ReadOnlySpan.CopyTo(message[16..]);
        return Size;
    }

    public static bool TryRead(ref SequenceReader<byte> reader, out IderCommandWritten message)
    {
        message = default;
        Span<byte> scratch = stackalloc byte[Size];
        if (!IderFrames.TryTake(ref reader, IderMessageType.IDER_COMMAND_WRITTEN, scratch, out var length))
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = scratch[..length];

        message = new IderCommandWritten(IderWire.Sequence(bytes), new AtapiCdb(bytes[16..28]), bytes[14], bytes[9], IderWire.UInt16(bytes, 12), bytes[15], bytes[8],
            bytes[10], bytes[11], (IderAttributes)bytes[3]);
        return true;
    }
}
