namespace SharpAmt.Passwords;

/// <summary>What <see cref="AmtPasswordPolicy.Check"/> found: broken rules, and keyboard layouts to beware of.</summary>
public sealed record AmtPasswordReport(IReadOnlyList<PasswordProblem> Problems, IReadOnlyList<KeyboardLayoutWarning> Warnings)
{
    /// <summary>True when AMT accepts the password; layout warnings do not count against it.</summary>
    public bool MeetsRules => Problems.Count == 0;
}
