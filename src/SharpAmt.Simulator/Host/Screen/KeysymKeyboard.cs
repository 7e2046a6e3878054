using SharpAmt.Simulator.Host.SerialConsole;

namespace SharpAmt.Simulator.Host.Screen;

/// <summary>What a key press on the KVM keyboard means to the simulated PC.</summary>
internal enum KeyboardActionKind
{
    /// <summary>A key for whatever reads the keyboard: firmware, GRUB, a tty or the desktop.</summary>
    Key,

    /// <summary>Ctrl-Alt-F1…F12: switch to that virtual terminal (1–6 text, 7 the desktop).</summary>
    SwitchTerminal,

    /// <summary>Ctrl-Alt-Del: the BIOS, GRUB and Linux all restart the machine.</summary>
    Restart,
}

internal readonly record struct KeyboardAction(KeyboardActionKind Kind, SerialKey Key = default, int Terminal = 0);

/// <summary>
/// Turns RFB KeyEvents (X11 keysyms, reference section 6.6.6) into the keys the console understands, tracking
/// Shift, Ctrl and Alt. Viewers send the shifted keysym itself ('A', not Shift+'a'), so Shift needs no mapping;
/// Ctrl with a letter is a control character, as a PC keyboard's BIOS makes it. Only key presses act.
/// </summary>
internal sealed class KeysymKeyboard
{
    private const uint ShiftLeft = 0xFFE1, ShiftRight = 0xFFE2, ControlLeft = 0xFFE3, ControlRight = 0xFFE4;
    private const uint AltLeft = 0xFFE9, AltRight = 0xFFEA, MetaLeft = 0xFFE7, MetaRight = 0xFFE8;
    private const uint F1 = 0xFFBE, F12 = 0xFFC9;

    private bool _leftControl, _rightControl, _leftAlt, _rightAlt;

    private bool Control => _leftControl || _rightControl;

    private bool Alt => _leftAlt || _rightAlt;

    /// <summary>Null when the event changes nothing the PC acts on (a release, a modifier, an unmapped key).</summary>
    public KeyboardAction? Translate(uint keysym, bool down)
    {
        switch (keysym)
        {
            case ControlLeft:
                _leftControl = down;
                return null;
            case ControlRight:
                _rightControl = down;
                return null;
            case AltLeft or MetaLeft:
                _leftAlt = down;
                return null;
            case AltRight or MetaRight:
                _rightAlt = down;
                return null;
            case ShiftLeft or ShiftRight:
                return null;
        }

        if (!down)
        {
            return null;
        }

        if (Control && Alt)
        {
            if (keysym is >= F1 and <= F12)
            {
                return new KeyboardAction(KeyboardActionKind.SwitchTerminal, Terminal: (int)(keysym - F1) + 1);
            }

            if (keysym is 0xFFFF or 0xFF9F)
            {
                return new KeyboardAction(KeyboardActionKind.Restart);
            }
        }

        return Map(keysym) is { } key ? new KeyboardAction(KeyboardActionKind.Key, key) : null;
    }

    private SerialKey? Map(uint keysym)
    {
        if (keysym is >= 0x20 and <= 0x7E or >= 0xA0 and <= 0xFF)
        {
            var c = (char)keysym;
            if (Control && char.IsAsciiLetter(c))
            {
                return SerialKey.Ctrl(char.ToUpperInvariant(c));
            }

            return Control && c == '[' ? new SerialKey(SerialKeyKind.Escape) : SerialKey.Of(c);
        }

        return keysym switch
        {
            0xFF0D or 0xFF8D => new SerialKey(SerialKeyKind.Enter),
            0xFF08 => new SerialKey(SerialKeyKind.Backspace),
            0xFF09 => new SerialKey(SerialKeyKind.Tab),
            0xFF1B => new SerialKey(SerialKeyKind.Escape),
            0xFF50 or 0xFF95 => new SerialKey(SerialKeyKind.Home),
            0xFF51 or 0xFF96 => new SerialKey(SerialKeyKind.Left),
            0xFF52 or 0xFF97 => new SerialKey(SerialKeyKind.Up),
            0xFF53 or 0xFF98 => new SerialKey(SerialKeyKind.Right),
            0xFF54 or 0xFF99 => new SerialKey(SerialKeyKind.Down),
            0xFF57 or 0xFF9C => new SerialKey(SerialKeyKind.End),
            0xFFFF or 0xFF9F => new SerialKey(SerialKeyKind.Delete),
            0xFFBF => new SerialKey(SerialKeyKind.F2),
            0xFFC7 => new SerialKey(SerialKeyKind.F10),
            _ => null,
        };
    }
}
