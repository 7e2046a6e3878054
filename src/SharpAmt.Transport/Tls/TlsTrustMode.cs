namespace SharpAmt.Transport.Tls;

public enum TlsTrustMode
{
    /// <summary>Remember the certificate seen first for each device and refuse any other later (like ssh).</summary>
    PinOnFirstUse,

    /// <summary>Require a chain to a trusted authority and a certificate that names the host.</summary>
    CertificateAuthority,

    /// <summary>Accept any certificate. Only on explicit request.</summary>
    Insecure,
}
