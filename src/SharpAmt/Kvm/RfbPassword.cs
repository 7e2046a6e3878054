using SharpAmt.Passwords;

namespace SharpAmt;

/// <summary>
/// The password of standard VNC authentication on port 5900 (IPS_KVMRedirectionSettingData.RFBPassword). It is
/// checked when made, and neither <see cref="ToString"/> nor any message ever shows it.
/// </summary>
public sealed class RfbPassword
{
    /// <summary>VNC authentication turns the password into an eight-byte DES key, so AMT takes exactly eight characters.</summary>
    public const int Length = 8;

    private readonly string _value;

    private RfbPassword(string value) => _value = value;

    /// <summary>
    /// AMT's rules: exactly eight printable ASCII characters, with a digit, a lower-case and an upper-case letter
    /// and a symbol (not the underscore or space), and none of <c>: , "</c>. Throws
    /// <see cref="ArgumentException"/> naming the rules broken, never the password.
    /// </summary>
    public static RfbPassword Create(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var problems = Problems(password);
        return problems.Count == 0
            ? new RfbPassword(password)
            : throw new ArgumentException("the RFB password " + string.Join("; ", problems), nameof(password));
    }

    /// <summary>What is wrong with a candidate, as phrases; empty when AMT would take it.</summary>
    public static IReadOnlyList<string> Problems(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var problems = new List<string>();
        if (password.Length != Length)
        {
            problems.Add($"must be exactly {Length} characters (it has {password.Length})");
        }

        if (!password.All(AmtPasswordPolicy.IsPrintableAscii))
        {
            problems.Add("may only use printable ASCII characters");
        }

        if (password.Any(c => AmtPasswordPolicy.ForbiddenCharacters.Contains(c, StringComparison.Ordinal)))
        {
            problems.Add("may not contain ':', ',' or '\"'");
        }

        if (!password.Any(char.IsAsciiDigit))
        {
            problems.Add("needs a digit");
        }

        if (!password.Any(char.IsAsciiLetterLower))
        {
            problems.Add("needs a lower-case letter");
        }

        if (!password.Any(char.IsAsciiLetterUpper))
        {
            problems.Add("needs an upper-case letter");
        }

        if (!password.Any(AmtPasswordPolicy.IsSymbol))
        {
            problems.Add("needs a symbol such as ! @ # $ % (not _ or a space)");
        }

        return problems;
    }

    /// <summary>The password itself, for the request that sets it or a VNC client that authenticates with it.</summary>
    public string Reveal() => _value;

    public override string ToString() => "RfbPassword(hidden)";
}
