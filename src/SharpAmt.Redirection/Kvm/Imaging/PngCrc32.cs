namespace SharpAmt.Redirection.Kvm.Imaging;

/// <summary>The CRC-32 PNG puts after each chunk (ISO 3309, polynomial 0xEDB88320), from a 256-entry table.</summary>
internal static class PngCrc32
{
    private static readonly uint[] Table = CreateTable();

    /// <summary>Continues <paramref name="crc"/> (start from <see cref="Start"/>) over <paramref name="data"/>; finish with <see cref="Finish"/>.</summary>
    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var value in data)
        {
            crc = Table[(crc ^ value) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    public const uint Start = 0xFFFF_FFFF;

    public static uint Finish(uint crc) => crc ^ 0xFFFF_FFFF;

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
