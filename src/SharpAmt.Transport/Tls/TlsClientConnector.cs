using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace SharpAmt.Transport.Tls;

/// <summary>Runs the client side of a TLS handshake and applies the trust mode.</summary>
public static class TlsClientConnector
{
    public static async Task<SslStream> AuthenticateAsync(Stream transport, string host, int port, TlsClientOptions options, CancellationToken cancellationToken)
    {
        var endpoint = Net.Endpoints.Format(host, port);
        var verdict = new Verdict();
        var ssl = new SslStream(transport, leaveInnerStreamOpen: false);
        var authentication = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            EnabledSslProtocols = options.Protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) => Validate(endpoint, host, certificate, errors, options, verdict),
        };
        try
        {
            await ssl.AuthenticateAsClientAsync(authentication, cancellationToken).ConfigureAwait(false);
            if (verdict.NewPin is { } pin)
            {
                options.Store?.AddPin(endpoint, pin);
                options.OnFirstUsePinned?.Invoke(endpoint, pin);
            }

            return ssl;
        }
        catch (AuthenticationException exception)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw verdict.Refusal ?? (verdict.Presented is null
                ? new AmtConnectionException(endpoint, ConnectionFailure.Reset, $"{endpoint}: the device closed the connection during the TLS handshake", exception)
                : new AmtConnectionException(endpoint, ConnectionFailure.TlsHandshakeFailed, $"{endpoint}: TLS handshake failed: {exception.Message}", exception));
        }
        catch (IOException exception)
        {
            await ssl.DisposeAsync().ConfigureAwait(false);
            throw new AmtConnectionException(endpoint, ConnectionFailure.Reset, $"{endpoint}: the device closed the connection during the TLS handshake", exception);
        }
    }

    private static bool Validate(string endpoint, string host, X509Certificate? certificate, SslPolicyErrors errors, TlsClientOptions options, Verdict verdict)
    {
        if (certificate is null)
        {
            return false;
        }

        var presented = CertificateFingerprint.Sha256(certificate);
        verdict.Presented = presented;
        switch (options.Mode)
        {
            case TlsTrustMode.Insecure:
                return true;

            case TlsTrustMode.CertificateAuthority:
                if (ChainsToAuthority(certificate, errors, options.Authorities))
                {
                    return true;
                }

                verdict.Refusal = new AmtCertificateException(endpoint, CertificateProblem.Untrusted, presented, null,
                    $"{endpoint}: certificate {presented} is not issued to {host} by a trusted authority ({Describe(errors)}); use --insecure only if you accept the risk");
                return false;

            default:
                var store = options.Store ?? throw new InvalidOperationException("Pin-on-first-use needs a trust store.");
                var pinned = store.FindPin(endpoint);
                if (pinned is null)
                {
                    verdict.NewPin = presented;
                    return true;
                }

                if (CertificateFingerprint.AreEqual(pinned, presented))
                {
                    return true;
                }

                verdict.Refusal = new AmtCertificateException(endpoint, CertificateProblem.PinMismatch, presented, pinned,
                    $"{endpoint}: TLS certificate changed: pinned SHA-256 {pinned}, device presents {presented}" +
                    (store.Location is null ? "" : $"; if the change is expected, remove the line for {endpoint} from {store.Location}"));
                return false;
        }
    }

    private static bool ChainsToAuthority(X509Certificate certificate, SslPolicyErrors errors, X509Certificate2Collection? authorities)
    {
        if (authorities is null)
        {
            return errors == SslPolicyErrors.None;
        }

        if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }

    private static string Describe(SslPolicyErrors errors) => errors switch
    {
        SslPolicyErrors.None => "chain not trusted",
        SslPolicyErrors.RemoteCertificateNameMismatch => "name mismatch",
        SslPolicyErrors.RemoteCertificateChainErrors => "untrusted chain",
        _ => errors.ToString(),
    };

    private sealed class Verdict
    {
        public string? Presented { get; set; }

        public string? NewPin { get; set; }

        public AmtException? Refusal { get; set; }
    }
}
