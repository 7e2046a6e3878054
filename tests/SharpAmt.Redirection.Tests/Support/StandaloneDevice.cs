using System.Net;
using System.Net.Sockets;
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

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    public StandaloneDevice(Func<IRedirectionAccounts, MemorySerialPort, RedirectionDeviceOptions> configure)
    {
        Port = new MemorySerialPort();
        Accounts = new TestAccounts();
        Options = configure(Accounts, Port);
        Address = TestAddresses.Next();
        _listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(Address, 16994));
        _listener.Listen(8);
        _accepting = AcceptAsync();
    }

    public IPAddress Address { get; }

    public MemorySerialPort Port { get; }

    public TestAccounts Accounts { get; }

    public RedirectionDeviceOptions Options { get; }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            _ = RedirectionDeviceSession.ServeAsync(new NetworkStream(client, ownsSocket: true), "test", Options, _stopping.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        await _accepting;
        _stopping.Dispose();
    }

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
