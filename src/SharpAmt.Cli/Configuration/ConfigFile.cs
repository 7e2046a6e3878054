using System.Globalization;
using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Configuration;

/// <summary>
/// Defaults from the config file: <c>key = value</c> lines, <c>#</c> comments. Keys: <c>host-template</c>,
/// <c>user</c>, <c>tls</c>, <c>timeout</c>, <c>via</c> (also <c>via HOSTGLOB</c>, see <see cref="ViaRule"/>) and
/// <c>ssh-config</c>. An unknown key is an error rather than silently ignored, so a typo cannot send requests
/// somewhere unintended.
/// </summary>
internal sealed record ConfigFile(string? HostTemplate, string? User, bool? Tls, TimeSpan? Timeout)
{
    public static ConfigFile Empty { get; } = new(null, null, null, null);

    /// <summary>The <c>via</c> lines in file order.</summary>
    public IReadOnlyList<ViaRule> Via { get; init; } = [];

    /// <summary>The ssh configuration file relays use (<c>ssh -F</c>), as written.</summary>
    public string? SshConfig { get; init; }

    /// <summary>Reads the file at <paramref name="path"/>; a missing default file is empty, a missing AMT_CONFIG file an error.</summary>
    public static ConfigFile Load(string path, bool mustExist)
    {
        if (!File.Exists(path))
        {
            return mustExist ? throw new UsageException($"config file {path} (from AMT_CONFIG) does not exist") : Empty;
        }

        var config = Empty;
        var number = 0;
        foreach (var raw in ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"{path} line {number}: expected 'key = value'");
            }

            var key = line[..equals].Trim().ToLowerInvariant();
            var value = line[(equals + 1)..].Trim();
            config = key switch
            {
                "host-template" => config with { HostTemplate = Configuration.HostTemplate.Validate(value, $"{path} line {number}") },
                "user" => config with { User = value.Length > 0 ? value : throw new UsageException($"{path} line {number}: user is empty") },
                "tls" => config with { Tls = ParseBoolean(value, path, number) },
                "timeout" => config with { Timeout = ParseTimeout(value, $"{path} line {number}: timeout") },
                "ssh-config" => config with { SshConfig = value.Length > 0 ? value : throw new UsageException($"{path} line {number}: ssh-config is empty") },
                _ when ViaRule.IsViaKey(key) => config with { Via = [.. config.Via, ViaRule.Parse(key, value, $"{path} line {number}")] },
                _ => throw new UsageException($"{path} line {number}: unknown key '{key}' (known: host-template, user, tls, timeout, via, ssh-config)"),
            };
        }

        return config;
    }

    /// <summary>Seconds, greater than zero; fractions allowed.</summary>
    public static TimeSpan ParseTimeout(string text, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException($"{what} must be a number of seconds greater than 0, not '{text}'");

    private static bool ParseBoolean(string value, string path, int number) => value.ToLowerInvariant() switch
    {
        "true" or "yes" or "on" => true,
        "false" or "no" or "off" => false,
        _ => throw new UsageException($"{path} line {number}: tls must be true or false, not '{value}'"),
    };

    private static string[] ReadLines(string path)
    {
        try
        {
            return File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read config file {path}: {exception.Message}", exception);
        }
    }
}
