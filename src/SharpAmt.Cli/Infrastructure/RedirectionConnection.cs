using SharpAmt.Redirection.Session;
using SharpAmt.Transport.Tls;

namespace SharpAmt.Cli.Infrastructure;

/// <summary>
/// The redirection connection (SOL, IDE-R) for a device the command line resolved: same host, credentials, relay, TLS
/// trust and timeouts as its WS-Man or EOI connection.
/// </summary>
internal static class RedirectionConnection
{
    public static RedirectionClientOptions From(AmtConnectionOptions options, bool plainAuthentication) => new()
    {
        Host = options.Host,
        UseTls = options.UseTls,
        PortOverride = options.Port,
        Credentials = options.Credentials,
        Authentication = plainAuthentication ? RedirectionAuthentication.Plain : RedirectionAuthentication.Auto,
        Dialer = options.Dialer,
        ConnectTimeout = options.ConnectTimeout,
        ReplyTimeout = options.Timeout,
        Tls = new TlsClientOptions
        {
            Mode = options.TlsTrust,
            Store = options.TrustStore,
            Authorities = options.Authorities,
            OnFirstUsePinned = options.OnCertificatePinned,
        },
    };
}
