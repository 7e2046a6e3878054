namespace SharpAmt.Passwords;

/// <summary>
/// Which characters move between a US keyboard, which MEBx assumes whatever keyboard is attached, and the
/// common European layouts. Each layout is listed key by key in the order of <see cref="UsPlain"/> and
/// <see cref="UsShifted"/>: the 47 character keys, row by row from the key left of 1; the ISO key left of
/// Enter stands where US keyboards have the backslash key, since both send the same scan code.
/// </summary>
internal static class KeyboardLayouts
{
    /// <summary>Marks a key that gives no character with Shift on that layout.</summary>
    private const char None = '\0';

    private const string UsPlain = "`1234567890-=qwertyuiop[]\\asdfghjkl;'zxcvbnm,./";
    private const string UsShifted = "~!@#$%^&*()_+QWERTYUIOP{}|ASDFGHJKL:\"ZXCVBNM<>?";

    private static readonly Layout[] Layouts =
    [
        new(KeyboardLayout.UnitedKingdom, "UK",
            "`1234567890-=qwertyuiop[]#asdfghjkl;'zxcvbnm,./",
            "¬!\"£$%^&*()_+QWERTYUIOP{}~ASDFGHJKL:@ZXCVBNM<>?"),
        new(KeyboardLayout.German, "German (QWERTZ)",
            "^1234567890ß´qwertzuiopü+#asdfghjklöäyxcvbnm,.-",
            "°!\"§$%&/()=?`QWERTZUIOPÜ*'ASDFGHJKLÖÄYXCVBNM;:_"),
        new(KeyboardLayout.French, "French (AZERTY)",
            "²&é\"'(-è_çà)=azertyuiop^$*qsdfghjklmùwxcvbn,;:!",
            None + "1234567890°+AZERTYUIOP¨£µQSDFGHJKLM%WXCVBN?./§"),
    ];

    /// <summary>One warning per layout on which any of <paramref name="characters"/> sits elsewhere, characters in keyboard order.</summary>
    public static IReadOnlyList<KeyboardLayoutWarning> Warnings(IReadOnlySet<char> characters)
    {
        var warnings = new List<KeyboardLayoutWarning>();
        foreach (var layout in Layouts)
        {
            var remaps = new List<KeyRemap>();
            foreach (var (us, local, plainOfKey) in layout.Keys())
            {
                if (characters.Contains(us) && us != local)
                {
                    remaps.Add(new KeyRemap(us, local == None ? $"Shift+{plainOfKey}" : local.ToString()));
                }
            }

            if (remaps.Count > 0)
            {
                warnings.Add(new KeyboardLayoutWarning(layout.Id, layout.Name, remaps));
            }
        }

        return warnings;
    }

    private sealed record Layout(KeyboardLayout Id, string Name, string Plain, string Shifted)
    {
        /// <summary>(US character, this layout's character on the same key with the same Shift, this layout's unshifted character).</summary>
        public IEnumerable<(char Us, char Local, char PlainOfKey)> Keys()
        {
            if (Plain.Length != UsPlain.Length || Shifted.Length != UsShifted.Length)
            {
                throw new InvalidOperationException($"the {Name} table does not have {UsPlain.Length} keys");
            }

            for (var key = 0; key < UsPlain.Length; key++)
            {
                yield return (UsPlain[key], Plain[key], Plain[key]);
            }

            for (var key = 0; key < UsShifted.Length; key++)
            {
                yield return (UsShifted[key], Shifted[key], Plain[key]);
            }
        }
    }
}
