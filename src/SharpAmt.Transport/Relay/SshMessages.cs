using System.Text.RegularExpressions;

namespace SharpAmt.Transport.Relay;

/// <summary>Reading what ssh prints on stderr: the reason it gave up, and the forwarded connections that failed.</summary>
internal static partial class SshMessages
{
    /// <summary>
    /// ssh's last words without the parts the relay name already says: "ssh: connect to host h port 22: "
    /// and "user@h: " prefixes.
    /// </summary>
    public static string Reason(string line)
    {
        var text = line.Trim();
        if (text.StartsWith("ssh: ", StringComparison.Ordinal))
        {
            text = text[5..];
        }

        return Prefix().Replace(text, "", 1);
    }

    /// <summary>ExitOnForwardFailure ended ssh because another program took the SOCKS port first.</summary>
    public static bool IsPortTaken(string line) =>
        line.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
        || line.Contains("Could not request local forwarding", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "channel 3: open failed: connect failed: Connection refused" (printed at log level INFO) into
    /// "connect failed: Connection refused".
    /// </summary>
    public static bool TryReadOpenFailure(string line, out string reason)
    {
        var match = OpenFailed().Match(line.Trim());
        reason = match.Success ? match.Groups[1].Value : "";
        return match.Success;
    }

    [GeneratedRegex(@"^(connect to host \S+ port \d+: |[^\s@:]+@[^\s:]+: )")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^channel \d+: open failed: (.+)$")]
    private static partial Regex OpenFailed();
}
