using SharpAmt.Redirection.Ider.Wire;

namespace SharpAmt.Redirection.Ider.Device;

/// <summary>The two drives an IDE-R session puts on the host's IDE channel (reference §6.5.3).</summary>
public enum IderHostDrive
{
    Cdrom,
    Floppy,
}

public static class IderHostDriveExtensions
{
    /// <summary>The drive/device register value the device writes in 0x50: bit 4 set addresses the CD-ROM.</summary>
    public static byte Register(this IderHostDrive drive) => drive == IderHostDrive.Cdrom ? AtaRegisters.DriveCdrom : AtaRegisters.DriveFloppy;

    public static string Describe(this IderHostDrive drive) => drive == IderHostDrive.Cdrom ? "CD" : "floppy";
}
