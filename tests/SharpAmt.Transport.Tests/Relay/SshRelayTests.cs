using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SharpAmt.Transport.Http.Client;
using SharpAmt.Transport.Http.Device;
using SharpAmt.Transport.Net;
using SharpAmt.Transport.Relay;
using SharpAmt.Transport.Tests.Support;
using SharpAmt.Transport.Tls;
using Xunit;

namespace SharpAmt.Transport.Tests.Relay;

/// <summary>Connections through a real OpenSSH server on loopback, as administrators reach a lab through a jump host.</summary>
public sealed class SshRelayTests(SshServerFixture fixture) : IClassFixture<SshServerFixture>
{
    private static readonly byte[] Envelope = "<Envelope><Body /></Envelope>"u8.ToArray();

    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(3);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AmtHttpClientOptions ClientOptions(IPAddress device, IConnectionDialer dialer, int port = 16992) => new()
    {
        Host = device.ToString(),
        Port = port,
        Credentials = new AmtCredentials(DigestDeviceApp.User, DigestDeviceApp.Password),
        Dialer = dialer,
        Timeout = TimeSpan.FromSeconds(10),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        Retry = RetryPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) },
    };

    private static FakeDevice Echo(IPAddress address) =>
        FakeDevice.Start((connection, cancellationToken) => connection.Stream.CopyToAsync(connection.Stream, cancellationToken), address, 16992);

    [Fact]
    public async Task Digest_requests_reach_the_device_through_the_relay_on_one_ssh_session()
    {
        var app = new DigestDeviceApp();
        await using var device = FakeDevice.Start(app.Script(), RelayAddresses.Next());
        await using var relay = fixture.Relay();
        await using var client = new AmtHttpClient(ClientOptions(device.Address, relay));

        var replies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.SendAsync("POST", "/wsman", [], Envelope, RequestSafety.Idempotent, Ct);
            Assert.Equal(200, response.StatusCode);
            replies.Add(Encoding.UTF8.GetString(response.Body.Span));
        }

        Assert.Equal(["<reply number=\"2\" />", "<reply number=\"3\" />", "<reply number=\"4\" />"], replies);
        Assert.Equal(1, relay.SessionsStarted);
        Assert.Equal(2, device.ConnectionsAccepted);
        Assert.True(await fixture.Server.ForwardedAsync(device.Address, device.Port, Ct), fixture.Server.Log);
    }

    [Fact]
    public async Task The_stream_goes_to_the_socks_port_of_ssh_not_to_the_device()
    {
        await using var device = Echo(RelayAddresses.Next());
        await using var relay = fixture.Relay();

        await using var stream = (NetworkStream)await relay.ConnectAsync(device.Address.ToString(), device.Port, Quickly, Ct);

        var remote = (IPEndPoint)stream.Socket.RemoteEndPoint!;
        Assert.Equal(IPAddress.Loopback, remote.Address);
        Assert.Equal(relay.SocksPort, remote.Port);
        await stream.WriteAsync("through the jump host"u8.ToArray(), Ct);
        var echoed = new byte[21];
        await stream.ReadExactlyAsync(echoed, Ct);
        Assert.Equal("through the jump host", Encoding.ASCII.GetString(echoed));
    }

    [Fact]
    public async Task Parallel_connections_to_several_devices_share_one_ssh_process()
    {
        await using var first = Echo(RelayAddresses.Next());
        await using var second = Echo(RelayAddresses.Next());
        await using var relay = fixture.Relay();

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(async i =>
        {
            var device = i % 2 == 0 ? first : second;
            await using var stream = await relay.ConnectAsync(device.Address.ToString(), device.Port, TimeSpan.FromSeconds(5), Ct);
            var message = Encoding.ASCII.GetBytes($"message {i:00}");
            await stream.WriteAsync(message, Ct);
            var echoed = new byte[message.Length];
            await stream.ReadExactlyAsync(echoed, Ct);
            return Encoding.ASCII.GetString(echoed);
        }));

        Assert.Equal(Enumerable.Range(0, 24).Select(i => $"message {i:00}"), answers);
        Assert.Equal(1, relay.SessionsStarted);
        Assert.Equal(12, first.ConnectionsAccepted);
        Assert.Equal(12, second.ConnectionsAccepted);
    }

    [Fact]
    public async Task Tls_runs_end_to_end_over_the_relayed_stream_and_pins_under_the_device_name()
    {
        var address = RelayAddresses.Next();
        using var certificate = DeviceCertificate.CreateSelfSigned("AMT-RELAY", [address.ToString()]);
        await using var device = new TlsDevice(address, certificate, new DigestDeviceApp());
        await using var relay = fixture.Relay();
        var store = new InMemoryTrustStore();
        var pinned = new List<string>();
        var options = ClientOptions(address, relay, TlsDevice.Port) with
        {
            UseTls = true,
            Tls = new TlsClientOptions { Mode = TlsTrustMode.PinOnFirstUse, Store = store, OnFirstUsePinned = (endpoint, _) => pinned.Add(endpoint) },
        };
        await using var client = new AmtHttpClient(options);

        var response = await client.SendAsync("POST", "/wsman", [], Envelope, RequestSafety.Idempotent, Ct);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal([$"{address}:16993"], pinned);
        Assert.Equal(CertificateFingerprint.Sha256(certificate), store.FindPin($"{address}:16993"));
        Assert.True(device.Handshakes >= 1);
    }

    [Fact]
    public async Task A_port_nobody_listens_on_behind_the_relay_is_a_refused_connection()
    {
        var closed = RelayAddresses.Next();
        await using var relay = fixture.Relay();

        var error = await Assert.ThrowsAsync<AmtConnectionException>(() => relay.ConnectAsync(closed.ToString(), 16992, Quickly, Ct));

        Assert.Equal(ConnectionFailure.Refused, error.Failure);
        Assert.Equal($"{closed}:16992", error.Endpoint);
        Assert.Equal($"{closed}:16992: connection refused (is AMT enabled and listening?), through ssh relay {fixture.Server.Target}", error.Message);
    }

    [Fact]
    public async Task The_client_gives_up_on_a_refused_device_behind_the_relay_as_it_does_directly()
    {
        var closed = RelayAddresses.Next();
        await using var relay = fixture.Relay();
        await using var client = new AmtHttpClient(ClientOptions(closed, relay));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AmtConnectionException>(() => client.SendAsync("POST", "/wsman", [], Envelope, RequestSafety.Idempotent, Ct));

        Assert.Equal(ConnectionFailure.Refused, error.Failure);
        Assert.Contains("gave up after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < Quickly, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_relay_where_nothing_listens_fails_at_once_with_what_ssh_said()
    {
        var nowhere = $"{OpenSshServerUser}@{RelayAddresses.Next()}:{fixture.Server.Port}";
        await using var relay = new SshRelay(SshRelayTarget.Parse(nowhere), new SshRelayOptions { ConfigFile = fixture.Server.ClientConfig });
        await using var client = new AmtHttpClient(ClientOptions(RelayAddresses.Next(), relay));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AmtRelayException>(() => client.SendAsync("POST", "/wsman", [], Envelope, RequestSafety.Idempotent, Ct));

        Assert.Equal($"ssh relay {nowhere}: Connection refused", error.Message);
        Assert.Equal(nowhere, error.Relay);
        Assert.True(clock.Elapsed < Quickly, $"took {clock.Elapsed}");
        Assert.Equal(0, relay.SessionsStarted);
    }

    [Fact]
    public async Task A_key_the_relay_does_not_accept_fails_at_once_with_what_ssh_said()
    {
        await using var relay = fixture.Relay(fixture.Server.StrangerConfig);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AmtRelayException>(() => relay.ConnectAsync(RelayAddresses.Next().ToString(), 16992, Quickly, Ct));

        Assert.Equal($"ssh relay {fixture.Server.Target}: Permission denied (publickey).", error.Message);
        Assert.True(clock.Elapsed < Quickly, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_relay_that_never_speaks_ssh_fails_within_the_start_timeout()
    {
        var silent = new TcpListener(RelayAddresses.Next(), 0);
        silent.Start();
        try
        {
            var port = ((IPEndPoint)silent.LocalEndpoint).Port;
            var target = $"{OpenSshServerUser}@{((IPEndPoint)silent.LocalEndpoint).Address}:{port}";
            await using var relay = new SshRelay(SshRelayTarget.Parse(target), new SshRelayOptions { ConfigFile = fixture.Server.ClientConfig });
            var clock = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<AmtRelayException>(() => relay.ConnectAsync("127.0.60.59", 16992, TimeSpan.FromSeconds(1), Ct));

            Assert.Equal($"ssh relay {target}: not connected within 1 s", error.Message);
            Assert.True(clock.Elapsed < Quickly, $"took {clock.Elapsed}");
        }
        finally
        {
            silent.Stop();
        }
    }

    [Fact]
    public async Task A_missing_ssh_client_is_named()
    {
        await using var relay = new SshRelay(SshRelayTarget.Parse("jump"), new SshRelayOptions { SshCommand = "no-such-ssh-client" });

        var error = await Assert.ThrowsAsync<AmtRelayException>(() => relay.ConnectAsync("127.0.60.59", 16992, Quickly, Ct));

        Assert.Equal("ssh relay jump: the OpenSSH client 'no-such-ssh-client' is not installed or not on PATH", error.Message);
    }

    [Fact]
    public async Task Disposing_the_relay_ends_ssh_and_closes_its_socks_port()
    {
        await using var device = Echo(RelayAddresses.Next());
        var relay = fixture.Relay();
        await (await relay.ConnectAsync(device.Address.ToString(), device.Port, Quickly, Ct)).DisposeAsync();
        var port = relay.SocksPort!.Value;

        await relay.DisposeAsync();

        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var error = await Assert.ThrowsAsync<SocketException>(async () => await probe.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), Ct));
        Assert.Equal(SocketError.ConnectionRefused, error.SocketErrorCode);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => relay.ConnectAsync(device.Address.ToString(), device.Port, Quickly, Ct));
    }

    private static string OpenSshServerUser => SharpAmt.Testing.OpenSshServer.User;

    /// <summary>A device answering digest-authenticated HTTP over TLS on 16993, as AMT does.</summary>
    private sealed class TlsDevice : IAsyncDisposable
    {
        public const int Port = 16993;

        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentBag<Task> _sessions = [];
        private readonly Task _accepting;
        private int _handshakes;

        public TlsDevice(IPAddress address, X509Certificate2 certificate, DigestDeviceApp app)
        {
            _listener = new TcpListener(address, Port);
            _listener.Start();
            _accepting = AcceptAsync(certificate, app);
        }

        public int Handshakes => Volatile.Read(ref _handshakes);

        private async Task AcceptAsync(X509Certificate2 certificate, DigestDeviceApp app)
        {
            for (var index = 0; ; index++)
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

                var connection = index;
                _sessions.Add(Task.Run(async () =>
                {
                    await using var ssl = new SslStream(new NetworkStream(socket, ownsSocket: true));
                    try
                    {
                        await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, _stop.Token);
                        Interlocked.Increment(ref _handshakes);
                        await HttpDeviceConnection.ServeAsync(ssl, app.ForConnection(connection), HttpDeviceOptions.Default, _stop.Token);
                    }
                    catch (Exception exception) when (exception is IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException)
                    {
                        // The client hung up.
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
}
