using SharpAmt.Passwords;

namespace SharpAmt.Cli.Commands.Password;

/// <summary>The result of <c>amt password check</c>; it names rules and moved keys, never the candidate.</summary>
internal sealed record PasswordCheckView(bool MeetsRules, IReadOnlyList<PasswordProblemView> Problems, IReadOnlyList<LayoutWarningView> Warnings)
{
    public static PasswordCheckView From(AmtPasswordReport report) => new(
        report.MeetsRules,
        [.. report.Problems.Select(problem => new PasswordProblemView(RuleName(problem.Rule), problem.Message))],
        [.. report.Warnings.Select(warning => new LayoutWarningView(
            LayoutName(warning.Layout),
            warning.LayoutName,
            [.. warning.Characters.Select(remap => new KeyRemapView(remap.Character.ToString(), remap.TypeAs))],
            warning.Message))]);

    /// <summary>Stable names for scripts; the enum's own names may change with the library.</summary>
    private static string RuleName(PasswordRule rule) => rule switch
    {
        PasswordRule.TooShort => "too-short",
        PasswordRule.TooLong => "too-long",
        PasswordRule.NotPrintableAscii => "not-printable-ascii",
        PasswordRule.ForbiddenCharacter => "forbidden-character",
        PasswordRule.NoDigit => "no-digit",
        PasswordRule.NoLowercase => "no-lowercase",
        PasswordRule.NoUppercase => "no-uppercase",
        PasswordRule.NoSymbol => "no-symbol",
        _ => rule.ToString(),
    };

    private static string LayoutName(KeyboardLayout layout) => layout switch
    {
        KeyboardLayout.UnitedKingdom => "uk",
        KeyboardLayout.German => "de",
        KeyboardLayout.French => "fr",
        _ => layout.ToString(),
    };
}

internal sealed record PasswordProblemView(string Rule, string Message);

internal sealed record LayoutWarningView(string Layout, string Name, IReadOnlyList<KeyRemapView> Characters, string Message);

internal sealed record KeyRemapView(string Character, string TypeAs);
