namespace SharpAmt.Simulator.Eoi;

/// <summary>The name rules AMT applies to its host and domain name (RFC 1123 labels).</summary>
internal static class DnsNames
{
    /// <summary>One label: 1–63 letters, digits and hyphens, not starting or ending with a hyphen.</summary>
    public static bool IsHostName(string name) =>
        name.Length is >= 1 and <= 63
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && name[0] != '-' && name[^1] != '-';

    /// <summary>Empty (no domain), or dot-separated host-name labels, 255 characters at most.</summary>
    public static bool IsDomainName(string name) =>
        name.Length == 0 || (name.Length <= 255 && name.Split('.').All(IsHostName));
}
