using System.CommandLine;
using SharpAmt.Transport.Relay;

namespace SharpAmt.Cli.Configuration;

/// <summary>
/// A relay setting, from <c>--via</c> or a <c>via</c> line of the config file: <c>[user@]relay[:port]</c>, or
/// <c>none</c> (also <c>direct</c>) for a direct connection, which lets the command line override a config file.
/// </summary>
internal static class ViaSetting
{
    public const string SshConfigVariable = "AMT_SSH_CONFIG";

    public static bool IsDirect(string value) =>
        string.Equals(value, "none", StringComparison.OrdinalIgnoreCase) || string.Equals(value, "direct", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="value"/> is not a relay setting, or null when it is one.</summary>
    public static string? Problem(string value) =>
        IsDirect(value) || SshRelayTarget.TryParse(value, out _, out var error) ? null : error + " or none";

    public static Option<string?> CreateOption()
    {
        var option = new Option<string?>("--via")
        {
            Description = "Reach the device through an SSH jump host with the system's ssh client (its config, keys and agent apply); " +
                $"'none' connects directly [default: 'via' in the config file]. {SshConfigVariable} or 'ssh-config' in the config file names an ssh config file to use (ssh -F)",
            HelpName = "[USER@]RELAY[:PORT]",
            Recursive = true,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && Problem(value) is { } problem)
            {
                result.AddError($"--via {problem}");
            }
        });
        return option;
    }
}
