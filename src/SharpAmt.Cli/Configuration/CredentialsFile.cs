using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Configuration;

/// <summary>
/// Passwords kept on disk, one line per host or glob: <c>&lt;host-or-glob&gt; &lt;user&gt;:&lt;password&gt;</c>.
/// <c>*</c> matches everything and the first matching line wins. The file must be private to its owner,
/// as ssh insists for its keys; errors never quote a line, since a line holds a password.
/// </summary>
internal static class CredentialsFile
{
    public sealed record Entry(string Pattern, string User, string Password)
    {
        /// <summary>Never prints the password.</summary>
        public override string ToString() => $"{Pattern} {User}:(hidden)";
    }

    /// <summary>The first entry for any of <paramref name="hostNames"/> (and <paramref name="user"/> when given); null when none matches.</summary>
    public static Entry? Find(string path, IReadOnlyList<string> hostNames, string? user)
    {
        RequirePrivate(path);
        foreach (var entry in Read(path))
        {
            if ((user is null || entry.User == user) && hostNames.Any(host => Glob.Matches(entry.Pattern, host)))
            {
                return entry;
            }
        }

        return null;
    }

    private static void RequirePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode groupOrOthers = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
        if ((File.GetUnixFileMode(path) & groupOrOthers) != 0)
        {
            throw new UsageException($"credentials file {path} is accessible by other users; make it private with: chmod 600 {path}");
        }
    }

    private static List<Entry> Read(string path)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read credentials file {path}: {exception.Message}", exception);
        }

        var entries = new List<Entry>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var space = line.IndexOfAny([' ', '\t']);
            var secret = space < 0 ? "" : line[(space + 1)..].TrimStart();
            var colon = secret.IndexOf(':', StringComparison.Ordinal);
            if (space < 0 || colon <= 0 || colon == secret.Length - 1)
            {
                throw new UsageException($"credentials file {path} line {i + 1}: expected '<host-or-glob> <user>:<password>'");
            }

            entries.Add(new Entry(line[..space], secret[..colon], secret[(colon + 1)..]));
        }

        return entries;
    }
}
