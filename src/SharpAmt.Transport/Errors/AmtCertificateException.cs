namespace SharpAmt.Transport;

/// <summary>The device's TLS certificate was refused.</summary>
public sealed class AmtCertificateException : AmtException
{
    public AmtCertificateException(string endpoint, CertificateProblem problem, string presentedFingerprint, string? expectedFingerprint, string message)
        : base(message)
    {
        Endpoint = endpoint;
        Problem = problem;
        PresentedFingerprint = presentedFingerprint;
        ExpectedFingerprint = expectedFingerprint;
    }

    public string Endpoint { get; }

    public CertificateProblem Problem { get; }

    public string PresentedFingerprint { get; }

    public string? ExpectedFingerprint { get; }
}
