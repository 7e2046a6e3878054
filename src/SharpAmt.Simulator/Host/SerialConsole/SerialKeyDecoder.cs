namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// Turns the bytes a SOL client sends into keys. Terminals send an escape sequence in one write, so an ESC that
/// ends a chunk is the Escape key itself. CR, LF and CR LF are each one Enter: amtterm turns LF into CR,
/// others send CR LF, and a serial console must not see two Enters for one.
/// </summary>
internal sealed class SerialKeyDecoder
{
    private const byte Esc = 0x1B;
    private bool _afterCr;

    public List<SerialKey> Decode(ReadOnlySpan<byte> data)
    {
        var keys = new List<SerialKey>(data.Length);
        var i = 0;
        while (i < data.Length)
        {
            var b = data[i];
            if (b == '\n' && _afterCr)
            {
                _afterCr = false;
                i++;
                continue;
            }

            _afterCr = b == '\r';
            if (b == Esc)
            {
                i += DecodeEscape(data[i..], keys);
                continue;
            }

            if (Single(b) is { } key)
            {
                keys.Add(key);
            }

            i++;
        }

        return keys;
    }

    private static SerialKey? Single(byte b) => b switch
    {
        (byte)'\r' or (byte)'\n' => new SerialKey(SerialKeyKind.Enter),
        0x7F or 0x08 => new SerialKey(SerialKeyKind.Backspace),
        (byte)'\t' => new SerialKey(SerialKeyKind.Tab),
        >= 0x20 and < 0x7F => SerialKey.Of((char)b),
        >= 0x01 and <= 0x1A => SerialKey.Ctrl((char)('A' + b - 1)),
        _ => null,
    };

    /// <summary>Decodes the sequence starting at ESC; returns how many bytes it took.</summary>
    private static int DecodeEscape(ReadOnlySpan<byte> data, List<SerialKey> keys)
    {
        if (data.Length == 1 || data[1] == Esc)
        {
            keys.Add(new SerialKey(SerialKeyKind.Escape));
            return 1;
        }

        switch (data[1])
        {
            case (byte)'[':
                return DecodeCsi(data, keys);
            case (byte)'O' when data.Length > 2:
                if (Final(data[2]) is { } key)
                {
                    keys.Add(key);
                }

                return 3;
            case (byte)'2':
                // VT-UTF8 console redirection, as AMI and Phoenix BIOSes define it, sends ESC 2 for F2.
                keys.Add(new SerialKey(SerialKeyKind.F2));
                return 2;
            case (byte)'0':
                keys.Add(new SerialKey(SerialKeyKind.F10));
                return 2;
            default:
                keys.Add(new SerialKey(SerialKeyKind.Escape));
                return 1;
        }
    }

    /// <summary>ESC [ then digits and ';' then one final byte: arrows, Home/End, and the "~" keys.</summary>
    private static int DecodeCsi(ReadOnlySpan<byte> data, List<SerialKey> keys)
    {
        var end = 2;
        while (end < data.Length && (char.IsAsciiDigit((char)data[end]) || data[end] == ';'))
        {
            end++;
        }

        if (end == data.Length)
        {
            // An incomplete sequence: the Escape key, then the rest as typed characters.
            keys.Add(new SerialKey(SerialKeyKind.Escape));
            return 1;
        }

        var parameter = System.Text.Encoding.ASCII.GetString(data[2..end]);
        var key = data[end] == '~' ? Tilde(parameter) : Final(data[end]);
        if (key is { } decoded)
        {
            keys.Add(decoded);
        }

        return end + 1;
    }

    private static SerialKey? Final(byte b) => b switch
    {
        (byte)'A' => new SerialKey(SerialKeyKind.Up),
        (byte)'B' => new SerialKey(SerialKeyKind.Down),
        (byte)'C' => new SerialKey(SerialKeyKind.Right),
        (byte)'D' => new SerialKey(SerialKeyKind.Left),
        (byte)'H' => new SerialKey(SerialKeyKind.Home),
        (byte)'F' => new SerialKey(SerialKeyKind.End),
        (byte)'Q' => new SerialKey(SerialKeyKind.F2),
        _ => null,
    };

    private static SerialKey? Tilde(string parameter) => parameter switch
    {
        "1" or "7" => new SerialKey(SerialKeyKind.Home),
        "4" or "8" => new SerialKey(SerialKeyKind.End),
        "3" => new SerialKey(SerialKeyKind.Delete),
        "12" => new SerialKey(SerialKeyKind.F2),
        "21" => new SerialKey(SerialKeyKind.F10),
        _ => null,
    };
}
