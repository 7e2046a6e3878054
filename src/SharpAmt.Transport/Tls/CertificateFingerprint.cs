using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SharpAmt.Transport.Tls;

public static class CertificateFingerprint
{
    /// <summary>SHA-256 of the DER certificate as colon-separated upper-case hex.</summary>
    public static string Sha256(X509Certificate certificate) => Format(SHA256.HashData(certificate.GetRawCertData()));

    public static string Format(ReadOnlySpan<byte> hash) => string.Join(':', Convert.ToHexString(hash).Chunk(2).Select(pair => new string(pair)));

    /// <summary>Accepts a fingerprint with or without colons, in any case.</summary>
    public static bool AreEqual(string left, string right) =>
        string.Equals(left.Replace(":", "", StringComparison.Ordinal), right.Replace(":", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
}
