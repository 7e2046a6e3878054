using System.Security.Cryptography.X509Certificates;
using SharpAmt.Transport.Tls;

namespace SharpAmt.Simulator.Http;

/// <summary>
/// The device's self-signed TLS certificate, made on first use (key generation is slow, and most devices of a
/// large fleet never see TLS) and kept in the certificate directory so it survives restarts like a real one.
/// </summary>
internal sealed class DeviceCertificates
{
    private readonly SimulatedDeviceOptions _options;
    private readonly Lazy<X509Certificate2> _certificate;

    public DeviceCertificates(SimulatedDeviceOptions options)
    {
        _options = options;
        _certificate = new Lazy<X509Certificate2>(LoadOrCreate, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public X509Certificate2 Certificate => _certificate.Value;

    private X509Certificate2 LoadOrCreate()
    {
        var path = _options.CertificateDirectory is null ? null : Path.Combine(_options.CertificateDirectory, _options.Address + ".pfx");
        if (path is not null && File.Exists(path))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, null);
        }

        var certificate = DeviceCertificate.CreateSelfSigned("iAMT " + _options.Address, [_options.Address.ToString()]);
        if (path is not null)
        {
            Directory.CreateDirectory(_options.CertificateDirectory!);
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12));
        }

        return certificate;
    }
}
