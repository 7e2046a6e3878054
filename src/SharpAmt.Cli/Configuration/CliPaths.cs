using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Configuration;

/// <summary>Where amt keeps its files, following the XDG base directory convention.</summary>
internal static class CliPaths
{
    public static string ConfigDirectory(CliEnvironment environment) =>
        Path.Combine(environment.Variable("XDG_CONFIG_HOME") ?? Path.Combine(environment.HomeDirectory, ".config"), "sharpamt");

    public static string DataDirectory(CliEnvironment environment) =>
        Path.Combine(environment.Variable("XDG_DATA_HOME") ?? Path.Combine(environment.HomeDirectory, ".local", "share"), "sharpamt");

    public static string ConfigFile(CliEnvironment environment) =>
        environment.Variable("AMT_CONFIG") ?? Path.Combine(ConfigDirectory(environment), "config");

    public static string CredentialsFile(CliEnvironment environment) => Path.Combine(ConfigDirectory(environment), "credentials");

    public static string KnownHostsFile(CliEnvironment environment) => Path.Combine(ConfigDirectory(environment), "known_hosts");

    /// <summary>Simulated devices keep their certificates here so that pins taken by clients survive a restart.</summary>
    public static string SimulatorCertificates(CliEnvironment environment) => Path.Combine(DataDirectory(environment), "sim-certs");
}
