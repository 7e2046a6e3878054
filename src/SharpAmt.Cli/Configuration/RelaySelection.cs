using System.Collections.Concurrent;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Transport.Net;
using SharpAmt.Transport.Relay;

namespace SharpAmt.Cli.Configuration;

/// <summary>
/// Chooses how a device is reached: <c>--via</c> if given, else the first matching <c>via</c> line of the
/// config file, else directly. Relays are shared by every device of the process that names the same one, so
/// a command over many devices logs in to the jump host once.
/// </summary>
internal static class RelaySelection
{
    private static readonly ConcurrentDictionary<(SshRelayTarget Target, SshRelayOptions Options), SshRelay> Relays = new();

    /// <returns>The relay to dial through, or null for a direct connection.</returns>
    public static IConnectionDialer? Resolve(CommandContext context, ConfigFile config, string configPath, IReadOnlyList<string> hostNames, TimeSpan timeout)
    {
        var value = context.Value(CommonOptions.Via) ?? ViaRule.Find(config.Via, hostNames);
        if (value is null || ViaSetting.IsDirect(value))
        {
            return null;
        }

        var environment = context.Environment;
        var sshConfig = environment.Variable(ViaSetting.SshConfigVariable) is { } fromEnvironment
            ? RequireFile(Expand(fromEnvironment, environment, Directory.GetCurrentDirectory()), ViaSetting.SshConfigVariable)
            : config.SshConfig is { } fromConfig
                ? RequireFile(Expand(fromConfig, environment, Path.GetDirectoryName(Path.GetFullPath(configPath))!), $"ssh-config in {configPath}")
                : null;

        // With a person at the terminal ssh may ask for a key passphrase or to confirm a new host key, so its
        // start gets the whole command timeout rather than the few seconds of one connection attempt.
        var interactive = environment.InputIsTerminal;
        var options = new SshRelayOptions { ConfigFile = sshConfig, Interactive = interactive, StartTimeout = interactive ? timeout : null };
        return Relays.GetOrAdd((SshRelayTarget.Parse(value), options), key => new SshRelay(key.Target, key.Options));
    }

    /// <summary>A leading <c>~/</c> is the home directory; a relative path is relative to <paramref name="baseDirectory"/>.</summary>
    private static string Expand(string path, CliEnvironment environment, string baseDirectory) =>
        path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(environment.HomeDirectory, path[2..]) : Path.GetFullPath(path, baseDirectory);

    private static string RequireFile(string path, string source) =>
        File.Exists(path) ? path : throw new UsageException($"ssh config file {path} (from {source}) does not exist");
}
