namespace SharpAmt.Redirection.Ider.Client;

/// <summary>SCSI/ATAPI operation codes the disk knows (reference §6.5.8), named as in SPC, SBC and MMC.</summary>
internal static class AtapiOperation
{
    public const byte TestUnitReady = 0x00;
    public const byte RequestSense = 0x03;
    public const byte FormatUnit = 0x04;
    public const byte Read6 = 0x08;
    public const byte Write6 = 0x0A;
    public const byte Inquiry = 0x12;
    public const byte ModeSelect6 = 0x15;
    public const byte ModeSense6 = 0x1A;
    public const byte StartStopUnit = 0x1B;
    public const byte PreventAllowMediumRemoval = 0x1E;
    public const byte ReadFormatCapacities = 0x23;
    public const byte ReadCapacity = 0x25;
    public const byte Read10 = 0x28;
    public const byte Write10 = 0x2A;
    public const byte Seek10 = 0x2B;
    public const byte WriteAndVerify10 = 0x2E;
    public const byte Verify10 = 0x2F;
    public const byte ReadToc = 0x43;
    public const byte GetConfiguration = 0x46;
    public const byte GetEventStatusNotification = 0x4A;
    public const byte ReadDiscInformation = 0x51;
    public const byte ReadTrackInformation = 0x52;
    public const byte ModeSelect10 = 0x55;
    public const byte ModeSense10 = 0x5A;
    public const byte Blank = 0xA1;
    public const byte Read12 = 0xA8;
    public const byte Write12 = 0xAA;
    public const byte SetCdSpeed = 0xBB;
}
