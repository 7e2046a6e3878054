using SharpAmt.Passwords;
using Xunit;

namespace SharpAmt.Tests.Passwords;

/// <summary>
/// MEBx reads a US layout whatever keyboard is attached; these are the characters each common layout has on
/// other keys, written out pair by pair (US character, what to type on that layout) so the tables are checked
/// against a second spelling.
/// </summary>
public sealed class KeyboardLayoutTests
{
    private static readonly (char, string)[] UnitedKingdom =
    [
        ('\\', "#"), ('~', "¬"), ('@', "\""), ('#', "£"), ('|', "~"), ('"', "@"),
    ];

    private static readonly (char, string)[] German =
    [
        ('`', "^"), ('-', "ß"), ('=', "´"), ('y', "z"), ('[', "ü"), (']', "+"), ('\\', "#"), (';', "ö"), ('\'', "ä"), ('z', "y"), ('/', "-"),
        ('~', "°"), ('@', "\""), ('#', "§"), ('^', "&"), ('&', "/"), ('*', "("), ('(', ")"), (')', "="), ('_', "?"), ('+', "`"),
        ('Y', "Z"), ('{', "Ü"), ('}', "*"), ('|', "'"), (':', "Ö"), ('"', "Ä"), ('Z', "Y"), ('<', ";"), ('>', ":"), ('?', "_"),
    ];

    private static readonly (char, string)[] French =
    [
        ('`', "²"), ('1', "&"), ('2', "é"), ('3', "\""), ('4', "'"), ('5', "("), ('6', "-"), ('7', "è"), ('8', "_"), ('9', "ç"), ('0', "à"), ('-', ")"),
        ('q', "a"), ('w', "z"), ('[', "^"), (']', "$"), ('\\', "*"), ('a', "q"), (';', "m"), ('\'', "ù"), ('z', "w"), ('m', ","), (',', ";"), ('.', ":"), ('/', "!"),
        ('~', "Shift+²"), ('!', "1"), ('@', "2"), ('#', "3"), ('$', "4"), ('%', "5"), ('^', "6"), ('&', "7"), ('*', "8"), ('(', "9"), (')', "0"), ('_', "°"),
        ('Q', "A"), ('W', "Z"), ('{', "¨"), ('}', "£"), ('|', "µ"), ('A', "Q"), (':', "M"), ('"', "%"), ('Z', "W"), ('M', "?"), ('<', "."), ('>', "/"), ('?', "§"),
    ];

    private static IReadOnlyList<KeyboardLayoutWarning> Warnings(string candidate) => AmtPasswordPolicy.Check(candidate).Warnings;

    private static (char, string)[] Pairs(KeyboardLayoutWarning warning) => [.. warning.Characters.Select(remap => (remap.Character, remap.TypeAs))];

    [Fact]
    public void Every_character_that_moves_is_listed_for_every_layout()
    {
        var warnings = Warnings(PasswordGenerators.Printable);

        Assert.Equal([KeyboardLayout.UnitedKingdom, KeyboardLayout.German, KeyboardLayout.French], warnings.Select(warning => warning.Layout));
        Assert.Equal(UnitedKingdom, Pairs(warnings[0]));
        Assert.Equal(German, Pairs(warnings[1]));
        Assert.Equal(French, Pairs(warnings[2]));
    }

    [Fact]
    public void German_swaps_y_and_z()
    {
        var warning = Assert.Single(Warnings("Yzab1!cD"), warning => warning.Layout == KeyboardLayout.German);

        Assert.Equal([('z', "y"), ('Y', "Z")], Pairs(warning));
        Assert.Equal("German (QWERTZ) keyboard: MEBx reads a US layout, so there type z as y, Y as Z", warning.Message);
    }

    [Fact]
    public void French_moves_a_q_w_z_m_and_puts_digits_on_shift()
    {
        var warning = Assert.Single(Warnings("Mamie7!Qw"), warning => warning.Layout == KeyboardLayout.French);

        Assert.Equal([('7', "è"), ('w', "z"), ('a', "q"), ('m', ","), ('!', "1"), ('Q', "A"), ('M', "?")], Pairs(warning));
    }

    [Fact]
    public void The_uk_layout_moves_at_quote_hash_backslash_pipe_and_tilde()
    {
        var warning = Assert.Single(Warnings("Ab1@#\\|~x"), warning => warning.Layout == KeyboardLayout.UnitedKingdom);

        Assert.Equal([('\\', "#"), ('~', "¬"), ('@', "\""), ('#', "£"), ('|', "~")], Pairs(warning));
        Assert.Equal("UK keyboard: MEBx reads a US layout, so there type \\ as #, ~ as ¬, @ as \", # as £, | as ~", warning.Message);
    }

    [Fact]
    public void A_candidate_of_keys_common_to_all_layouts_warns_about_none() =>
        Assert.Empty(Warnings("Bcd Efgh"));

    [Fact]
    public void Warnings_alone_do_not_fail_the_rules()
    {
        var report = AmtPasswordPolicy.Check("Zebra-42!");

        Assert.True(report.MeetsRules);
        Assert.Equal([KeyboardLayout.German, KeyboardLayout.French], report.Warnings.Select(warning => warning.Layout));
    }

    [Fact]
    public void Characters_are_listed_in_keyboard_order_not_in_the_order_typed() =>
        Assert.Equal(
            Pairs(Assert.Single(Warnings("zy"), warning => warning.Layout == KeyboardLayout.German)),
            Pairs(Assert.Single(Warnings("yz"), warning => warning.Layout == KeyboardLayout.German)));
}
