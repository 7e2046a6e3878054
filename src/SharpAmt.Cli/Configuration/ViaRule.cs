using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Configuration;

/// <summary>
/// A <c>via</c> line of the config file: <c>via = RELAY</c> for every host, or <c>via HOSTGLOB = RELAY</c>
/// for hosts matching a glob. Lines are tried in file order and the first match wins, as in ssh_config, so
/// specific globs go before a catch-all.
/// </summary>
internal sealed record ViaRule(string Pattern, string Value)
{
    public static bool IsViaKey(string key) => key == "via" || key.StartsWith("via ", StringComparison.Ordinal) || key.StartsWith("via\t", StringComparison.Ordinal);

    /// <param name="key">"via" or "via GLOB", as written left of '='.</param>
    /// <param name="where">"FILE line N", for errors.</param>
    public static ViaRule Parse(string key, string value, string where)
    {
        var words = key.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 2)
        {
            throw new UsageException($"{where}: expected 'via = RELAY' or 'via HOSTGLOB = RELAY'");
        }

        if (ViaSetting.Problem(value) is { } problem)
        {
            throw new UsageException($"{where}: via {problem}");
        }

        return new ViaRule(words.Length == 2 ? words[1] : "*", value);
    }

    /// <summary>The value of the first rule matching any of <paramref name="hostNames"/>; null when none does.</summary>
    public static string? Find(IReadOnlyList<ViaRule> rules, IReadOnlyList<string> hostNames) =>
        rules.FirstOrDefault(rule => hostNames.Any(host => Glob.Matches(rule.Pattern, host)))?.Value;
}
