namespace SharpAmt.Passwords;

/// <summary>The rules AMT (and MEBx) apply to a new admin password; each one a candidate can break.</summary>
public enum PasswordRule
{
    TooShort,
    TooLong,
    NotPrintableAscii,
    ForbiddenCharacter,
    NoDigit,
    NoLowercase,
    NoUppercase,
    NoSymbol,
}

/// <summary>A rule the candidate breaks, explained without quoting the candidate.</summary>
public sealed record PasswordProblem(PasswordRule Rule, string Message);
