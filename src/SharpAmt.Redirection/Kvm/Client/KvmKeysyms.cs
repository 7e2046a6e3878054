namespace SharpAmt.Redirection.Kvm.Client;

/// <summary>X11 keysyms AMT recognises (reference §6.6.6) that clients send by name.</summary>
public static class KvmKeysyms
{
    public const uint BackSpace = 0xFF08;
    public const uint Tab = 0xFF09;
    public const uint Return = 0xFF0D;
    public const uint Escape = 0xFF1B;
    public const uint Delete = 0xFFFF;
    public const uint Home = 0xFF50;
    public const uint Left = 0xFF51;
    public const uint Up = 0xFF52;
    public const uint Right = 0xFF53;
    public const uint Down = 0xFF54;
    public const uint PageUp = 0xFF55;
    public const uint PageDown = 0xFF56;
    public const uint End = 0xFF57;
    public const uint Insert = 0xFF63;
    public const uint F1 = 0xFFBE;
    public const uint ShiftLeft = 0xFFE1;
    public const uint ControlLeft = 0xFFE3;
    public const uint MetaLeft = 0xFFE7;
    public const uint AltLeft = 0xFFE9;

    /// <summary>F1 to F12.</summary>
    public static uint Function(int number) =>
        number is >= 1 and <= 12 ? F1 + (uint)(number - 1) : throw new ArgumentOutOfRangeException(nameof(number), "F1 to F12");

    /// <summary>
    /// The keysym that types <paramref name="character"/>: Latin-1 characters are their own keysym (an X11 keysym
    /// names the character, so capitals and symbols need no Shift from the client), plus newline, tab and backspace.
    /// </summary>
    public static bool TryFromChar(char character, out uint keysym)
    {
        keysym = character switch
        {
            '\n' or '\r' => Return,
            '\t' => Tab,
            '\b' => BackSpace,
            >= ' ' and <= '~' or >= '\u00A0' and <= '\u00FF' => character,
            _ => 0,
        };
        return keysym != 0;
    }
}
