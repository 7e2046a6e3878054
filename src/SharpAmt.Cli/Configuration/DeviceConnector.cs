using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Transport.Tls;

namespace SharpAmt.Cli.Configuration;

/// <summary>
/// Turns the command line, the environment and the config file into connection options for one device.
/// Everything is checked here, before the first byte is sent, so a bad setting never half-applies a command.
/// </summary>
internal static class DeviceConnector
{
    private static readonly TimeSpan LongestConnectAttempt = TimeSpan.FromSeconds(5);

    public static AmtConnectionOptions Resolve(CommandContext context, string hostArgument, CancellationToken cancellationToken)
    {
        var environment = context.Environment;
        var configPath = CliPaths.ConfigFile(environment);
        var config = ConfigFile.Load(configPath, mustExist: environment.Variable("AMT_CONFIG") is not null);
        var template = environment.Variable("AMT_HOST_TEMPLATE") is { } fromEnvironment
            ? HostTemplate.Validate(fromEnvironment, "AMT_HOST_TEMPLATE")
            : config.HostTemplate;

        var typedHost = Unbracket(hostArgument.Trim());
        if (typedHost.Length == 0 || typedHost.Any(char.IsWhiteSpace))
        {
            throw new UsageException($"'{hostArgument}' is not a host name or address");
        }

        var host = HostTemplate.Apply(template, typedHost);
        var tls = context.IsGiven(CommonOptions.Tls) ? context.Value(CommonOptions.Tls) : config.Tls ?? false;
        var insecure = context.Value(CommonOptions.Insecure);
        var caFile = context.Value(CommonOptions.Ca);
        if (!tls && (insecure || caFile is not null))
        {
            throw new UsageException($"{(insecure ? "--insecure" : "--ca")} applies only to TLS connections; add --tls");
        }

        var timeout = context.Value(CommonOptions.Timeout) ?? config.Timeout ?? CommonOptions.DefaultTimeout;
        var knownHostsPath = context.Value(CommonOptions.KnownHosts) ?? CliPaths.KnownHostsFile(environment);
        var authorities = caFile is null ? null : LoadAuthorities(caFile);
        var explicitUser = context.Value(CommonOptions.User);
        var hostNames = typedHost == host ? new[] { host } : [typedHost, host];
        var dialer = RelaySelection.Resolve(context, config, configPath, hostNames, timeout);
        var credentials = PasswordSources.Resolve(environment, hostNames, explicitUser, config.User ?? CommonOptions.DefaultUser,
            context.Value(CommonOptions.Credentials), cancellationToken);

        var output = context.Output;
        return new AmtConnectionOptions
        {
            Host = host,
            UseTls = tls,
            Port = context.Value(CommonOptions.Port),
            Protocol = context.Value(CommonOptions.Protocol) ?? ManagementProtocol.Auto,
            Credentials = credentials,
            Timeout = timeout,
            ConnectTimeout = timeout < LongestConnectAttempt ? timeout : LongestConnectAttempt,
            Dialer = dialer,
            TlsTrust = insecure ? TlsTrustMode.Insecure : authorities is not null ? TlsTrustMode.CertificateAuthority : TlsTrustMode.PinOnFirstUse,
            Authorities = authorities,
            TrustStore = new KnownHostsFile(knownHostsPath),
            OnCertificatePinned = (endpoint, fingerprint) =>
                output.Diagnostic($"pinned {endpoint} certificate SHA-256 {fingerprint} in {knownHostsPath}"),
        };
    }

    private static string Unbracket(string host) =>
        host.Length > 2 && host[0] == '[' && host[^1] == ']' ? host[1..^1] : host;

    private static X509Certificate2Collection LoadAuthorities(string path)
    {
        var authorities = new X509Certificate2Collection();
        try
        {
            var text = File.ReadAllText(path);
            if (text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
            {
                authorities.ImportFromPem(text);
            }
            else
            {
                authorities.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new UsageException($"cannot read certificate authorities from {path}: {exception.Message}", exception);
        }

        return authorities.Count > 0 ? authorities : throw new UsageException($"{path} holds no certificate");
    }
}
