namespace SharpAmt.Passwords;

/// <summary>
/// AMT's rules for an admin password, checked before it is set (in MEBx or over the network) rather than
/// learned from a refusal: 8 to 32 printable ASCII characters without <c>:</c> <c>,</c> <c>"</c>, with at
/// least one digit, one lower-case letter, one upper-case letter and one symbol, where <c>_</c> and the space
/// do not count as symbols. Messages never quote the candidate.
/// </summary>
public static class AmtPasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 32;

    /// <summary>Characters AMT refuses: its digest and account strings use them as separators.</summary>
    public const string ForbiddenCharacters = ":,\"";

    public static AmtPasswordReport Check(string candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var problems = new List<PasswordProblem>();
        var length = candidate.EnumerateRunes().Count();
        if (length < MinLength)
        {
            problems.Add(new(PasswordRule.TooShort, $"has fewer than {MinLength} characters (AMT needs {MinLength} to {MaxLength})"));
        }
        else if (length > MaxLength)
        {
            problems.Add(new(PasswordRule.TooLong, $"has more than {MaxLength} characters (AMT needs {MinLength} to {MaxLength})"));
        }

        if (!candidate.All(IsPrintableAscii))
        {
            problems.Add(new(PasswordRule.NotPrintableAscii,
                "has characters outside printable ASCII (accented letters, other scripts, tabs or control characters); AMT takes only ASCII from space to ~"));
        }

        var forbidden = ForbiddenCharacters.Where(candidate.Contains).ToList();
        if (forbidden.Count > 0)
        {
            problems.Add(new(PasswordRule.ForbiddenCharacter,
                $"has {string.Join(" and ", forbidden.Select(c => $"'{c}'"))}, which AMT refuses (no ':', ',' or '\"')"));
        }

        if (!candidate.Any(char.IsAsciiDigit))
        {
            problems.Add(new(PasswordRule.NoDigit, "needs at least one digit (0-9)"));
        }

        if (!candidate.Any(char.IsAsciiLetterLower))
        {
            problems.Add(new(PasswordRule.NoLowercase, "needs at least one lower-case letter (a-z)"));
        }

        if (!candidate.Any(char.IsAsciiLetterUpper))
        {
            problems.Add(new(PasswordRule.NoUppercase, "needs at least one upper-case letter (A-Z)"));
        }

        if (!candidate.Any(IsSymbol))
        {
            problems.Add(new(PasswordRule.NoSymbol, "needs at least one symbol such as ! @ # $ % (the underscore and the space do not count)"));
        }

        return new AmtPasswordReport(problems, KeyboardLayouts.Warnings(candidate.Where(IsPrintableAscii).ToHashSet()));
    }

    /// <summary>ASCII from space (0x20) to tilde (0x7E).</summary>
    public static bool IsPrintableAscii(char c) => c is >= ' ' and <= '~';

    /// <summary>
    /// A character that satisfies the symbol rule: printable ASCII other than letters and digits, except the
    /// underscore and the space, which AMT does not count, and the characters it refuses outright.
    /// </summary>
    public static bool IsSymbol(char c) =>
        IsPrintableAscii(c) && !char.IsAsciiLetterOrDigit(c) && c is not ('_' or ' ') && !ForbiddenCharacters.Contains(c, StringComparison.Ordinal);
}
