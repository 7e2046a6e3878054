using SharpAmt.Redirection.Ider.Wire;

namespace SharpAmt.Redirection.Ider.Client;

/// <summary>The two devices IDE-R emulates (reference §6.5): a CD-ROM on drive 0xB0, a floppy on drive 0xA0.</summary>
public enum AtapiDeviceKind
{
    Cdrom,
    Floppy,
}

public static class AtapiDeviceKindExtensions
{
    public static int SectorSize(this AtapiDeviceKind kind) => kind == AtapiDeviceKind.Cdrom ? 2048 : 512;

    public static byte Drive(this AtapiDeviceKind kind) => kind == AtapiDeviceKind.Cdrom ? AtaRegisters.DriveCdrom : AtaRegisters.DriveFloppy;

    public static string Describe(this AtapiDeviceKind kind) => kind == AtapiDeviceKind.Cdrom ? "CD" : "floppy";
}
