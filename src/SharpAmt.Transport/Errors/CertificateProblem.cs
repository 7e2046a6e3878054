namespace SharpAmt.Transport;

public enum CertificateProblem
{
    /// <summary>The certificate differs from the one pinned for this device.</summary>
    PinMismatch,

    /// <summary>CA mode: the certificate does not chain to a trusted authority or does not name the host.</summary>
    Untrusted,
}
