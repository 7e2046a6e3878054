namespace SharpAmt.Passwords;

/// <summary>Common non-US keyboard layouts on which some characters sit on other keys than on a US keyboard.</summary>
public enum KeyboardLayout
{
    UnitedKingdom,
    German,
    French,
}

/// <summary>
/// A character MEBx would read differently when typed on another layout, and what to type there instead:
/// the character that layout puts on the key where a US keyboard has <see cref="Character"/>.
/// </summary>
public sealed record KeyRemap(char Character, string TypeAs);

/// <summary>The characters of a candidate that a person at a <see cref="Layout"/> keyboard must type differently in MEBx.</summary>
public sealed record KeyboardLayoutWarning(KeyboardLayout Layout, string LayoutName, IReadOnlyList<KeyRemap> Characters)
{
    public string Message =>
        $"{LayoutName} keyboard: MEBx reads a US layout, so there type {string.Join(", ", Characters.Select(remap => $"{remap.Character} as {remap.TypeAs}"))}";
}
