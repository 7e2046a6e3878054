using System.Text;

namespace SharpAmt.Cli.Commands.Sol;

/// <summary>
/// What a key press sends to the host: its character (Enter as CR, which BIOS and getty expect), or the
/// VT100 sequence of a cursor or function key, since the console decodes those into keys. .NET on Unix reports
/// the control bytes 0x00 and 0x1C–0x1F as Ctrl with a digit and no character (Ctrl-] arrives as Ctrl-5, the
/// key that sends the same byte); they are turned back into their bytes.
/// </summary>
internal static class KeyBytes
{
    /// <summary>Ctrl-] (0x1D), the key that leaves the console, as amtterm and telnet use it.</summary>
    public const byte EscapeByte = 0x1D;

    public static bool IsEscape(ConsoleKeyInfo key) => For(key) is [EscapeByte];

    public static byte[] For(ConsoleKeyInfo key) => key.Key switch
    {
        _ when key.KeyChar == '\0' && key.Modifiers.HasFlag(ConsoleModifiers.Control) && ControlByte(key.Key) is { } control => [control],
        ConsoleKey.Oem6 when key.Modifiers.HasFlag(ConsoleModifiers.Control) => [EscapeByte],
        ConsoleKey.Enter => "\r"u8.ToArray(),
        ConsoleKey.UpArrow => "\e[A"u8.ToArray(),
        ConsoleKey.DownArrow => "\e[B"u8.ToArray(),
        ConsoleKey.RightArrow => "\e[C"u8.ToArray(),
        ConsoleKey.LeftArrow => "\e[D"u8.ToArray(),
        ConsoleKey.Home => "\e[H"u8.ToArray(),
        ConsoleKey.End => "\e[F"u8.ToArray(),
        ConsoleKey.Insert => "\e[2~"u8.ToArray(),
        ConsoleKey.Delete => "\e[3~"u8.ToArray(),
        ConsoleKey.PageUp => "\e[5~"u8.ToArray(),
        ConsoleKey.PageDown => "\e[6~"u8.ToArray(),
        ConsoleKey.F1 => "\eOP"u8.ToArray(),
        ConsoleKey.F2 => "\eOQ"u8.ToArray(),
        ConsoleKey.F3 => "\eOR"u8.ToArray(),
        ConsoleKey.F4 => "\eOS"u8.ToArray(),
        ConsoleKey.F5 => "\e[15~"u8.ToArray(),
        ConsoleKey.F6 => "\e[17~"u8.ToArray(),
        ConsoleKey.F7 => "\e[18~"u8.ToArray(),
        ConsoleKey.F8 => "\e[19~"u8.ToArray(),
        ConsoleKey.F9 => "\e[20~"u8.ToArray(),
        ConsoleKey.F10 => "\e[21~"u8.ToArray(),
        ConsoleKey.F11 => "\e[23~"u8.ToArray(),
        ConsoleKey.F12 => "\e[24~"u8.ToArray(),
        _ when key.KeyChar != '\0' => Encoding.UTF8.GetBytes(key.KeyChar.ToString()),
        _ => [],
    };

    private static byte? ControlByte(ConsoleKey key) => key switch
    {
        ConsoleKey.D2 or ConsoleKey.Spacebar => 0x00,
        ConsoleKey.D4 => 0x1C,
        ConsoleKey.D5 => EscapeByte,
        ConsoleKey.D6 => 0x1E,
        ConsoleKey.D7 => 0x1F,
        _ => null,
    };
}
