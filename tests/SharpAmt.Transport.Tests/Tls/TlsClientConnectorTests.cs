using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SharpAmt.Transport.Tests.Support;
using SharpAmt.Transport.Tls;
using Xunit;

namespace SharpAmt.Transport.Tests.Tls;

/// <summary>Certificates are slow to make; the tests share one set.</summary>
public sealed class TlsCertificates : IDisposable
{
    public TlsCertificates()
    {
        Address = Loopback.Next();
        DeviceA = DeviceCertificate.CreateSelfSigned("AMT-0001", [Address.ToString()]);
        DeviceB = DeviceCertificate.CreateSelfSigned("AMT-0001", [Address.ToString()]);
        Authority = CreateAuthority("SharpAMT Test Root");
        OtherAuthority = CreateAuthority("Somebody Else's Root");
        Issued = Issue(Authority, Address);
        IssuedForAnotherHost = Issue(Authority, IPAddress.Parse("10.9.8.7"));
    }

    /// <summary>The address every TLS test server of this class listens on, one test at a time.</summary>
    public IPAddress Address { get; }

    public X509Certificate2 DeviceA { get; }

    public X509Certificate2 DeviceB { get; }

    public X509Certificate2 Authority { get; }

    public X509Certificate2 OtherAuthority { get; }

    public X509Certificate2 Issued { get; }

    public X509Certificate2 IssuedForAnotherHost { get; }

    private static X509Certificate2 CreateAuthority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
    }

    private static X509Certificate2 Issue(X509Certificate2 authority, IPAddress address)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={address}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(address);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        using var certificate = request.Create(authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddYears(1), RandomNumberGenerator.GetBytes(12));
        using var withKey = certificate.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    public void Dispose()
    {
        foreach (var certificate in new[] { DeviceA, DeviceB, Authority, OtherAuthority, Issued, IssuedForAnotherHost })
        {
            certificate.Dispose();
        }
    }
}

public sealed class TlsClientConnectorTests(TlsCertificates certificates) : IClassFixture<TlsCertificates>
{
    private const int Port = 16993;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string Host => certificates.Address.ToString();

    private string Endpoint => $"{Host}:{Port}";

    /// <summary>A TLS device presenting one certificate; after the handshake it writes "OK".</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly TcpListener _listener;
        private readonly X509Certificate2 _certificate;
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentBag<Task> _sessions = [];
        private readonly Task _accepting;

        public Server(IPAddress address, X509Certificate2 certificate)
        {
            _certificate = certificate;
            _listener = new TcpListener(address, Port);
            _listener.Start();
            _accepting = AcceptAsync();
        }

        private async Task AcceptAsync()
        {
            while (true)
            {
                Socket socket;
                try
                {
                    socket = await _listener.AcceptSocketAsync(_stop.Token);
                }
                catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _sessions.Add(Task.Run(async () =>
                {
                    await using var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true));
                    try
                    {
                        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                        await ssl.WriteAsync("OK"u8.ToArray(), _stop.Token);
                        await ssl.FlushAsync(_stop.Token);
                        await ssl.ReadAtLeastAsync(new byte[1], 1, throwOnEndOfStream: false, _stop.Token);
                    }
                    catch (Exception exception) when (exception is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
                    {
                        // The client refused the certificate or hung up.
                    }
                }));
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Stop();
            await _accepting;
            await Task.WhenAll(_sessions);
            _stop.Dispose();
        }
    }

    private async Task<SslStream> ConnectAsync(TlsClientOptions options)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(certificates.Address, Port, Ct);
        var ssl = await TlsClientConnector.AuthenticateAsync(new NetworkStream(socket, ownsSocket: true), Host, Port, options, Ct);
        var greeting = new byte[2];
        await ssl.ReadExactlyAsync(greeting, Ct);
        Assert.Equal("OK"u8.ToArray(), greeting);
        return ssl;
    }

    private static TlsClientOptions PinOptions(IDeviceTrustStore store, List<(string Endpoint, string Fingerprint)>? pinned = null) => new()
    {
        Mode = TlsTrustMode.PinOnFirstUse,
        Store = store,
        OnFirstUsePinned = (endpoint, fingerprint) => pinned?.Add((endpoint, fingerprint)),
    };

    [Fact]
    public async Task First_use_pins_the_certificate_and_reports_it()
    {
        await using var server = new Server(certificates.Address, certificates.DeviceA);
        var store = new InMemoryTrustStore();
        var pinned = new List<(string, string)>();

        await using var ssl = await ConnectAsync(PinOptions(store, pinned));

        var fingerprint = CertificateFingerprint.Sha256(certificates.DeviceA);
        Assert.Equal([(Endpoint, fingerprint)], pinned);
        Assert.Equal(fingerprint, store.FindPin(Endpoint));
        Assert.True(ssl.IsAuthenticated);
    }

    [Fact]
    public async Task Pinned_certificate_is_accepted_again_without_a_new_pin()
    {
        await using var server = new Server(certificates.Address, certificates.DeviceA);
        var store = new InMemoryTrustStore();
        await using (await ConnectAsync(PinOptions(store)))
        {
        }

        var pinned = new List<(string, string)>();
        await using var again = await ConnectAsync(PinOptions(store, pinned));

        Assert.Empty(pinned);
        Assert.Equal(CertificateFingerprint.Sha256(certificates.DeviceA), store.FindPin(Endpoint));
    }

    [Fact]
    public async Task Different_certificate_is_refused_naming_both_fingerprints()
    {
        var store = new InMemoryTrustStore();
        await using (var original = new Server(certificates.Address, certificates.DeviceA))
        {
            await using var first = await ConnectAsync(PinOptions(store));
        }

        await using var impostor = new Server(certificates.Address, certificates.DeviceB);
        var exception = await Assert.ThrowsAsync<AmtCertificateException>(() => ConnectAsync(PinOptions(store)));

        var expected = CertificateFingerprint.Sha256(certificates.DeviceA);
        var presented = CertificateFingerprint.Sha256(certificates.DeviceB);
        Assert.Equal(CertificateProblem.PinMismatch, exception.Problem);
        Assert.Equal(Endpoint, exception.Endpoint);
        Assert.Equal(expected, exception.ExpectedFingerprint);
        Assert.Equal(presented, exception.PresentedFingerprint);
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Contains(presented, exception.Message, StringComparison.Ordinal);
        Assert.Equal(expected, store.FindPin(Endpoint));
    }

    [Fact]
    public async Task Pin_mismatch_with_a_known_hosts_file_tells_which_file_to_edit()
    {
        var path = Path.Combine(Path.GetTempPath(), "sharpamt-tls-" + Guid.NewGuid().ToString("N"), "known_hosts");
        try
        {
            var store = new KnownHostsFile(path);
            store.AddPin(Endpoint, CertificateFingerprint.Sha256(certificates.DeviceA));
            await using var impostor = new Server(certificates.Address, certificates.DeviceB);

            var exception = await Assert.ThrowsAsync<AmtCertificateException>(() => ConnectAsync(PinOptions(new KnownHostsFile(path))));

            Assert.Equal(CertificateProblem.PinMismatch, exception.Problem);
            Assert.Contains(path, exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public async Task Insecure_accepts_any_certificate_and_pins_nothing()
    {
        var pinned = new List<(string, string)>();
        var options = new TlsClientOptions { Mode = TlsTrustMode.Insecure, OnFirstUsePinned = (endpoint, fingerprint) => pinned.Add((endpoint, fingerprint)) };

        await using (var a = new Server(certificates.Address, certificates.DeviceA))
        {
            await using var first = await ConnectAsync(options);
        }

        await using var b = new Server(certificates.Address, certificates.DeviceB);
        await using var second = await ConnectAsync(options);

        Assert.Empty(pinned);
    }

    [Fact]
    public async Task Authority_mode_refuses_a_self_signed_certificate()
    {
        await using var server = new Server(certificates.Address, certificates.DeviceA);

        var exception = await Assert.ThrowsAsync<AmtCertificateException>(() => ConnectAsync(new TlsClientOptions { Mode = TlsTrustMode.CertificateAuthority }));

        Assert.Equal(CertificateProblem.Untrusted, exception.Problem);
        Assert.Equal(CertificateFingerprint.Sha256(certificates.DeviceA), exception.PresentedFingerprint);
        Assert.Null(exception.ExpectedFingerprint);
        Assert.Contains(exception.PresentedFingerprint, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authority_mode_refuses_a_certificate_from_an_authority_not_given()
    {
        await using var server = new Server(certificates.Address, certificates.Issued);
        var options = new TlsClientOptions { Mode = TlsTrustMode.CertificateAuthority, Authorities = [certificates.OtherAuthority] };

        var exception = await Assert.ThrowsAsync<AmtCertificateException>(() => ConnectAsync(options));

        Assert.Equal(CertificateProblem.Untrusted, exception.Problem);
    }

    [Fact]
    public async Task Authority_mode_accepts_a_certificate_issued_by_a_given_authority()
    {
        await using var server = new Server(certificates.Address, certificates.Issued);
        var options = new TlsClientOptions { Mode = TlsTrustMode.CertificateAuthority, Authorities = [certificates.Authority] };

        await using var ssl = await ConnectAsync(options);

        Assert.Equal(certificates.Issued.GetCertHashString(), ssl.RemoteCertificate!.GetCertHashString());
    }

    [Fact]
    public async Task Authority_mode_refuses_a_trusted_certificate_for_another_host()
    {
        await using var server = new Server(certificates.Address, certificates.IssuedForAnotherHost);
        var options = new TlsClientOptions { Mode = TlsTrustMode.CertificateAuthority, Authorities = [certificates.Authority] };

        var exception = await Assert.ThrowsAsync<AmtCertificateException>(() => ConnectAsync(options));

        Assert.Equal(CertificateProblem.Untrusted, exception.Problem);
    }

    [Fact]
    public void Fingerprint_is_colon_separated_upper_case_sha256_and_compares_loosely()
    {
        var fingerprint = CertificateFingerprint.Sha256(certificates.DeviceA);

        Assert.Matches("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", fingerprint);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(certificates.DeviceA.RawData)), fingerprint.Replace(":", "", StringComparison.Ordinal));
        Assert.True(CertificateFingerprint.AreEqual(fingerprint, fingerprint.Replace(":", "", StringComparison.Ordinal).ToLowerInvariant()));
        Assert.False(CertificateFingerprint.AreEqual(fingerprint, CertificateFingerprint.Sha256(certificates.DeviceB)));
    }
}
