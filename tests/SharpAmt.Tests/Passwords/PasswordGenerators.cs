using FsCheck;
using FsCheck.Fluent;
using SharpAmt.Passwords;

namespace SharpAmt.Tests.Passwords;

/// <summary>Candidates for the policy properties: valid ones built to the rules, and anything at all.</summary>
internal static class PasswordGenerators
{
    public const string Digits = "0123456789";
    public const string Lower = "abcdefghijklmnopqrstuvwxyz";
    public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>Every printable ASCII character: space to tilde.</summary>
    public static readonly string Printable = new([.. Enumerable.Range(' ', '~' - ' ' + 1).Select(c => (char)c)]);

    /// <summary>The symbols that count: printable ASCII that is not a letter, digit, '_', space or refused character.</summary>
    public static readonly string Symbols = new([.. Printable.Where(c => !char.IsAsciiLetterOrDigit(c) && c is not ('_' or ' ' or ':' or ',' or '"'))]);

    /// <summary>Printable ASCII without the refused characters: what a valid password is made of.</summary>
    public static readonly string Allowed = new([.. Printable.Where(c => c is not (':' or ',' or '"'))]);

    private static readonly char[] Awkward = ['é', 'ß', '€', '中', '\t', '\n', '\0', '\u007f', '\u00a0'];

    /// <summary>8 to 32 allowed characters with at least one of each required class, in random order.</summary>
    public static Gen<string> Valid { get; } =
        from length in Gen.Choose(AmtPasswordPolicy.MinLength, AmtPasswordPolicy.MaxLength)
        from digit in Gen.Elements(Digits.ToCharArray())
        from lower in Gen.Elements(Lower.ToCharArray())
        from upper in Gen.Elements(Upper.ToCharArray())
        from symbol in Gen.Elements(Symbols.ToCharArray())
        from rest in Gen.ArrayOf(Gen.Elements(Allowed.ToCharArray()), length - 4)
        from order in Gen.Shuffle(new[] { digit, lower, upper, symbol }.Concat(rest).ToArray())
        select new string(order);

    /// <summary>Anything from empty to 40 characters, mostly printable, sometimes not.</summary>
    public static Gen<string> Any { get; } =
        from length in Gen.Choose(0, 40)
        from chars in Gen.ArrayOf(Gen.Frequency((12, Gen.Elements(Printable.ToCharArray())), (1, Gen.Elements(Awkward))), length)
        select new string(chars);
}
