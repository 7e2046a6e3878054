namespace SharpAmt.Redirection.Ider.Wire;

/// <summary>
/// An 8-byte ATA register image as 0x51, 0x52 and 0x54 carry it (reference §6.5.4): mask, error, sector count
/// (the interrupt reason for ATAPI), sector number, byte count LSB and MSB, drive, status.
/// </summary>
public readonly record struct AtaRegisters(byte Mask, byte Error, byte SectorCount, byte SectorNumber, byte ByteCountLow, byte ByteCountHigh, byte Drive, byte Status)
{
    public const int Size = 8;

    // Mask bits: which registers the image sets.
    public const byte MaskInterrupt = 0x01;
    public const byte MaskError = 0x02;
    public const byte MaskSectorCount = 0x04;
    public const byte MaskSectorNumber = 0x08;
    public const byte MaskByteCountLow = 0x10;
    public const byte MaskByteCountHigh = 0x20;
    public const byte MaskDrive = 0x40;
    public const byte MaskStatus = 0x80;

    // Status register bits.
    public const byte StatusBusy = 0x80;
    public const byte StatusReady = 0x40;
    public const byte StatusDeviceFault = 0x20;
    public const byte StatusSeekComplete = 0x10;
    public const byte StatusDataRequest = 0x08;
    public const byte StatusError = 0x01;

    // ATAPI interrupt reason, in the sector count register.
    public const byte InterruptCommandOrData = 0x01;
    public const byte InterruptInputOutput = 0x02;

    /// <summary>Drive register value of the IDE-R CD-ROM (bit 4 set).</summary>
    public const byte DriveCdrom = 0xB0;

    /// <summary>Drive register value of the IDE-R floppy.</summary>
    public const byte DriveFloppy = 0xA0;

    public ushort ByteCount => (ushort)(ByteCountLow | ByteCountHigh << 8);

    public static AtaRegisters Read(ReadOnlySpan<byte> source) =>
        new(source[0], source[1], source[2], source[3], source[4], source[5], source[6], source[7]);

    public void Write(Span<byte> destination)
    {
        destination[7] = Status;
        destination[0] = Mask;
        destination[1] = Error;
        destination[2] = SectorCount;
        destination[3] = SectorNumber;
        destination[4] = ByteCountLow;
        destination[5] = ByteCountHigh;
        destination[6] = Drive;
    }

    /// <summary>
    /// The output image of a successful command, as amtider sends it: interrupt, sector count and status set,
    /// interrupt reason I/O|C/D, DRDY|DSC. (MeshCommander also sets the drive bit: 0xC5.)
    /// </summary>
    public static AtaRegisters Good(byte drive) =>
        new(MaskStatus | MaskSectorCount | MaskInterrupt, 0, InterruptInputOutput | InterruptCommandOrData, 0, 0, 0, drive, StatusReady | StatusSeekComplete);

    /// <summary>The output image of a CHECK CONDITION: error register holds the sense key in its high nibble.</summary>
    public static AtaRegisters CheckCondition(byte drive, byte senseKey) =>
        new(MaskStatus | MaskSectorCount | MaskError | MaskInterrupt, (byte)(senseKey << 4), InterruptInputOutput | InterruptCommandOrData, 0, 0, 0, drive,
            StatusReady | StatusSeekComplete | StatusError);

    /// <summary>The input image of a data chunk (reference §6.5.5): DRDY|DSC|DRQ, interrupt reason I/O.</summary>
    public static AtaRegisters DataIn(byte drive, bool dma, int byteCount) =>
        new((byte)(dma ? 0xB4 : 0xB5), 0, InterruptInputOutput, 0, (byte)byteCount, (byte)(byteCount >> 8), drive,
            StatusReady | StatusSeekComplete | StatusDataRequest);
}
