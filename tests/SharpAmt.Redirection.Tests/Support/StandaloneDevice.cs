using System.Net;
using SharpAmt.Redirection.Device;
using SharpAmt.Transport.Digest;

namespace SharpAmt.Redirection.Tests.Support;

/// <summary>
/// The device side of the redirection protocol alone, on a loopback port, with options a test chooses
/// (offered authentication types, heartbeat interval) and an in-memory serial port.
/// </summary>
internal sealed class StandaloneDevice : IAsyncDisposable
{
    public const string Realm = "Digest:0123456789ABCDEF0123456789ABCDEF";
    public const string Password = "P@ssw0rd";

    private readonly LoopbackServer _server;

    public StandaloneDevice(Func<IRedirectionAccounts, MemorySerialPort, RedirectionDeviceOptions> configure)
    {
        Port = new MemorySerialPort();
        Accounts = new TestAccounts();
        Options = configure(Accounts, Port);
        _server = new LoopbackServer(TestAddresses.Next(), 16994, (stream, cancellation) => RedirectionDeviceSession.ServeAsync(stream, "test", Options, cancellation));
    }

    public IPAddress Address => _server.Address;

    public MemorySerialPort Port { get; }

    public TestAccounts Accounts { get; }

    public RedirectionDeviceOptions Options { get; }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    internal sealed class TestAccounts : IRedirectionAccounts
    {
        private readonly DigestNonceStore _nonces = new();

        public string Realm => StandaloneDevice.Realm;

        public bool IsLockedOut => false;

        public int Failures { get; private set; }

        public string? FindHa1(string user) => user == "admin" ? DigestHash.Ha1(user, Realm, Password) : null;

        public void RecordFailure() => Failures++;

        public void RecordSuccess()
        {
        }

        public string IssueNonce() => _nonces.Issue();

        public bool UseNonce(string nonce) => _nonces.Use(nonce) == NonceState.Fresh;
    }
}

/// <summary>A serial port that echoes what is typed, for the standalone device.</summary>
internal sealed class MemorySerialPort : ISolHostPort
{
    private readonly Lock _sync = new();
    private Func<ReadOnlyMemory<byte>, ValueTask>? _remote;

    public bool IsAttached
    {
        get
        {
            lock (_sync)
            {
                return _remote is not null;
            }
        }
    }

    public bool HostPoweredOn { get; set; } = true;

    public IDisposable? TryAttach(Func<ReadOnlyMemory<byte>, ValueTask> toRemote)
    {
        lock (_sync)
        {
            if (_remote is not null)
            {
                return null;
            }

            _remote = toRemote;
            return new Detach(this);
        }
    }

    public void RemoteInput(ReadOnlySpan<byte> data)
    {
        Func<ReadOnlyMemory<byte>, ValueTask>? remote;
        lock (_sync)
        {
            remote = _remote;
        }

        if (remote is not null)
        {
            _ = remote(data.ToArray()).AsTask();
        }
    }

    private sealed class Detach(MemorySerialPort port) : IDisposable
    {
        public void Dispose()
        {
            lock (port._sync)
            {
                port._remote = null;
            }
        }
    }
}
