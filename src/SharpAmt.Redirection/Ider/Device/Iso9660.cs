using System.Buffers.Binary;
using System.Text;

namespace SharpAmt.Redirection.Ider.Device;

/// <summary>The few ISO 9660 and El Torito structures a BIOS reads to boot a CD (ECMA-119 8, El Torito 1.0 2).</summary>
internal static class Iso9660
{
    /// <summary>The volume descriptor set starts at sector 16, after the system area.</summary>
    public const int FirstDescriptorLba = 16;

    public const byte BootRecord = 0;
    public const byte PrimaryVolume = 1;
    public const byte Terminator = 255;

    public static bool IsDescriptor(ReadOnlySpan<byte> sector) => sector.Length >= 2048 && sector[1..6].SequenceEqual("CD001"u8);

    /// <summary>Volume identifier, d-characters padded with spaces at bytes 40–71.</summary>
    public static string VolumeIdentifier(ReadOnlySpan<byte> primary) => Encoding.ASCII.GetString(primary[40..72]).TrimEnd(' ', '\0');

    /// <summary>The boot catalog LBA of an El Torito boot record, or -1 if the record is another boot system's.</summary>
    public static long BootCatalogLba(ReadOnlySpan<byte> record) =>
        record[7..30].SequenceEqual("EL TORITO SPECIFICATION"u8) ? BinaryPrimitives.ReadUInt32LittleEndian(record[71..]) : -1;

    /// <summary>
    /// Checks the catalog's validation entry (header 1, key 55 AA, words summing to 0) and reads the default entry:
    /// bootable (0x88), its load RBA and its length in 512-byte virtual sectors.
    /// </summary>
    public static bool TryReadDefaultEntry(ReadOnlySpan<byte> catalog, out long loadLba, out int virtualSectors)
    {
        loadLba = -1;
        virtualSectors = 0;
        if (catalog[0] != 0x01 || catalog[30] != 0x55 || catalog[31] != 0xAA)
        {
            return false;
        }

        ushort sum = 0;
        for (var i = 0; i < 32; i += 2)
        {
            sum += BinaryPrimitives.ReadUInt16LittleEndian(catalog[i..]);
        }

        if (sum != 0 || catalog[32] != 0x88)
        {
            return false;
        }

        virtualSectors = BinaryPrimitives.ReadUInt16LittleEndian(catalog[38..]);
        loadLba = BinaryPrimitives.ReadUInt32LittleEndian(catalog[40..]);
        return true;
    }
}
