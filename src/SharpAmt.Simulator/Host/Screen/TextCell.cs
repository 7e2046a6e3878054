namespace SharpAmt.Simulator.Host.Screen;

/// <summary>
/// One text-mode cell packed as VGA memory holds it: the character in the low byte, the attribute (foreground
/// in the low nibble, background in the high one) in the high byte. 80 × 25 of them are 4 KB, all a device keeps
/// of its text screen.
/// </summary>
internal static class TextCell
{
    public static ushort Pack(char c, byte foreground, byte background) =>
        (ushort)((c is >= TextFont.First and <= TextFont.Last ? c : c == '\0' ? ' ' : '?') | (foreground & 0x0F | (background & 0x0F) << 4) << 8);

    public static char Char(ushort cell) => (char)(cell & 0xFF);

    public static byte Foreground(ushort cell) => (byte)(cell >> 8 & 0x0F);

    public static byte Background(ushort cell) => (byte)(cell >> 12 & 0x0F);
}
