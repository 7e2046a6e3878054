using SharpAmt.Transport;
using SharpAmt.Transport.Net;
using SharpAmt.Transport.Tls;

namespace SharpAmt;

/// <summary>How to reach one device.</summary>
public sealed record AmtConnectionOptions
{
    public const int HttpPort = 16992;
    public const int TlsPort = 16993;

    public required string Host { get; init; }

    public bool UseTls { get; init; }

    /// <summary>Null means the AMT port for the transport: 16992, or 16993 with TLS.</summary>
    public int? Port { get; init; }

    public required AmtCredentials Credentials { get; init; }

    /// <summary>Longest time one operation may take, retries included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How connections are opened: null connects straight to the device; an <see cref="Transport.Relay.SshRelay"/>
    /// goes through an SSH jump host. Share one relay between devices so they share its ssh session.
    /// </summary>
    public IConnectionDialer? Dialer { get; init; }

    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    public TlsTrustMode TlsTrust { get; init; } = TlsTrustMode.PinOnFirstUse;

    /// <summary>Pins and realms remembered between runs; null remembers them for this object only.</summary>
    public IDeviceTrustStore? TrustStore { get; init; }

    /// <summary>Authorities for <see cref="TlsTrustMode.CertificateAuthority"/>; null means the system's.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2Collection? Authorities { get; init; }

    /// <summary>Told (endpoint, fingerprint) when a certificate is pinned on first use.</summary>
    public Action<string, string>? OnCertificatePinned { get; init; }

    /// <summary>The management API; Auto picks it from the firmware version.</summary>
    public ManagementProtocol Protocol { get; init; } = ManagementProtocol.Auto;

    public int EffectivePort => Port ?? (UseTls ? TlsPort : HttpPort);

    public override string ToString() => $"{Endpoints.Format(Host, EffectivePort)} as {Credentials.User}{(UseTls ? " over TLS" : "")}";
}
