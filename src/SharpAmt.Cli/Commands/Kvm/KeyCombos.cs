using System.Globalization;
using SharpAmt.Redirection.Kvm.Client;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>
/// Key combinations as <c>--keys</c> takes them: names joined by '-' (<c>ctrl-alt-del</c>, <c>alt-f4</c>,
/// <c>enter</c>), several separated by ','. A combination presses its keys in order and releases them in reverse,
/// which is how Ctrl-Alt-Del goes on the wire (reference section 6.6.6).
/// </summary>
internal static class KeyCombos
{
    private static readonly Dictionary<string, uint> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ctrl"] = KvmKeysyms.ControlLeft,
        ["control"] = KvmKeysyms.ControlLeft,
        ["alt"] = KvmKeysyms.AltLeft,
        ["shift"] = KvmKeysyms.ShiftLeft,
        ["meta"] = KvmKeysyms.MetaLeft,
        ["win"] = 0xFFEB,
        ["super"] = 0xFFEB,
        ["del"] = KvmKeysyms.Delete,
        ["delete"] = KvmKeysyms.Delete,
        ["enter"] = KvmKeysyms.Return,
        ["return"] = KvmKeysyms.Return,
        ["esc"] = KvmKeysyms.Escape,
        ["escape"] = KvmKeysyms.Escape,
        ["tab"] = KvmKeysyms.Tab,
        ["backspace"] = KvmKeysyms.BackSpace,
        ["space"] = ' ',
        ["insert"] = KvmKeysyms.Insert,
        ["ins"] = KvmKeysyms.Insert,
        ["home"] = KvmKeysyms.Home,
        ["end"] = KvmKeysyms.End,
        ["pgup"] = KvmKeysyms.PageUp,
        ["pageup"] = KvmKeysyms.PageUp,
        ["pgdn"] = KvmKeysyms.PageDown,
        ["pagedown"] = KvmKeysyms.PageDown,
        ["up"] = KvmKeysyms.Up,
        ["down"] = KvmKeysyms.Down,
        ["left"] = KvmKeysyms.Left,
        ["right"] = KvmKeysyms.Right,
        ["minus"] = '-',
        ["comma"] = ',',
    };

    /// <summary>The combinations in <paramref name="text"/>, each as its keysyms in pressing order; an error names the first unknown key.</summary>
    public static bool TryParse(string text, out List<KeyCombo> combos, out string? error)
    {
        combos = [];
        error = null;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Length == 0)
            {
                error = $"--keys has an empty combination in '{text}'";
                return false;
            }

            var keys = new List<uint>();
            foreach (var name in part.Split('-'))
            {
                if (!TryKey(name, out var keysym))
                {
                    error = name.Length == 0
                        ? $"--keys combination '{part}' has an empty key name (write minus for '-')"
                        : $"unknown key '{name}' in --keys '{part}'; use names such as ctrl, alt, shift, del, enter, esc, tab, f1-f12, up, pgdn, or a single character";
                    return false;
                }

                keys.Add(keysym);
            }

            combos.Add(new KeyCombo(part.ToLowerInvariant(), keys));
        }

        return true;
    }

    private static bool TryKey(string name, out uint keysym)
    {
        if (Named.TryGetValue(name, out keysym))
        {
            return true;
        }

        if (name.Length is 2 or 3 && name[0] is 'f' or 'F'
            && int.TryParse(name.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 12)
        {
            keysym = KvmKeysyms.Function(number);
            return true;
        }

        // A single printable character is its own key; letters as lower case, as the key cap's unshifted keysym.
        if (name.Length == 1 && name[0] is > ' ' and <= '~')
        {
            keysym = char.ToLowerInvariant(name[0]);
            return true;
        }

        keysym = 0;
        return false;
    }
}

/// <summary>One combination: its name as typed (lower case) and its keysyms in pressing order.</summary>
internal sealed record KeyCombo(string Name, IReadOnlyList<uint> Keys)
{
    /// <summary>Presses the keys in order and releases them in reverse.</summary>
    public async Task SendAsync(KvmSession session, CancellationToken cancellationToken)
    {
        foreach (var key in Keys)
        {
            await session.SendKeyAsync(key, true, cancellationToken);
        }

        for (var i = Keys.Count - 1; i >= 0; i--)
        {
            await session.SendKeyAsync(Keys[i], false, cancellationToken);
        }
    }
}
