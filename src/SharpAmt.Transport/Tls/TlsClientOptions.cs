using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace SharpAmt.Transport.Tls;

public sealed record TlsClientOptions
{
    public TlsTrustMode Mode { get; init; } = TlsTrustMode.PinOnFirstUse;

    /// <summary>Where pins live in <see cref="TlsTrustMode.PinOnFirstUse"/>; required in that mode.</summary>
    public IDeviceTrustStore? Store { get; init; }

    /// <summary>Authorities for <see cref="TlsTrustMode.CertificateAuthority"/>; null means the system's.</summary>
    public X509Certificate2Collection? Authorities { get; init; }

    public SslProtocols Protocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary>Told the fingerprint when a device's certificate is pinned for the first time.</summary>
    public Action<string, string>? OnFirstUsePinned { get; init; }
}
