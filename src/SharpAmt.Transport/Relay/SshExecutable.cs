namespace SharpAmt.Transport.Relay;

/// <summary>
/// Finds the ssh client before starting it, so that a missing OpenSSH reads as such rather than as the exit
/// status of the shell that would have run it.
/// </summary>
internal static class SshExecutable
{
    /// <summary>The full path of <paramref name="command"/>: as given when it names a path, else the first match on PATH.</summary>
    public static string? Find(string command)
    {
        if (command.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || command.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        }

        var names = OperatingSystem.IsWindows() ? new[] { command + ".exe", command } : [command];
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
