using SharpAmt.Cli.Infrastructure;
using SharpAmt.Transport;

namespace SharpAmt.Cli.Configuration;

/// <summary>
/// Where a client's password comes from, in order: AMT_PASSWORD, the credentials file, a prompt without echo
/// when a person is at the terminal. Never from the command line.
/// </summary>
internal static class PasswordSources
{
    public const string Variable = "AMT_PASSWORD";

    /// <param name="explicitUser">The user typed with --user: a credentials line must then be for that user.</param>
    /// <param name="defaultUser">The user when neither --user nor the credentials file names one.</param>
    /// <param name="credentialsPath">--credentials, or null for the default file (used only when it exists).</param>
    public static AmtCredentials Resolve(
        CliEnvironment environment,
        IReadOnlyList<string> hostNames,
        string? explicitUser,
        string defaultUser,
        string? credentialsPath,
        CancellationToken cancellationToken)
    {
        var user = explicitUser ?? defaultUser;
        if (environment.Variable(Variable) is { } fromEnvironment)
        {
            return new AmtCredentials(user, fromEnvironment);
        }

        var path = credentialsPath ?? CliPaths.CredentialsFile(environment);
        if (credentialsPath is not null && !File.Exists(path))
        {
            throw new UsageException($"credentials file {path} does not exist");
        }

        if (File.Exists(path) && CredentialsFile.Find(path, hostNames, explicitUser) is { } entry)
        {
            return new AmtCredentials(entry.User, entry.Password);
        }

        var host = hostNames[^1];
        if (environment.InputIsTerminal)
        {
            var typed = environment.ReadSecret($"password for {user}@{host}: ", cancellationToken);
            return typed is { Length: > 0 }
                ? new AmtCredentials(user, typed)
                : throw new UsageException($"no password entered for {user}@{host}");
        }

        throw new UsageException(
            $"no password for {user}@{host}: set {Variable}, add a line '{host} {user}:<password>' to {path} (chmod 600), " +
            "or run amt from a terminal to be asked");
    }
}
