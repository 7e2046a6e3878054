using System.Net;
using System.Net.Sockets;
using SharpAmt.Redirection.Device;
using SharpAmt.Redirection.Kvm.Device;
using SharpAmt.Redirection.Kvm.Server;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Tests.Support;
using SharpAmt.Redirection.Wire;
using SharpAmt.Transport;

namespace SharpAmt.Redirection.Tests.Kvm.Support;

/// <summary>The redirection port of a device with only KVM, on its own loopback address, serving a test screen.</summary>
internal sealed class KvmDevice : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private readonly List<Task> _connections = [];

    public KvmDevice(TestScreen screen, RfbServerOptions? server = null)
    {
        Screen = screen;
        Feature = new KvmDeviceFeature(screen, () => Refusal, server);
        Options = new RedirectionDeviceOptions
        {
            Accounts = new StandaloneDevice.TestAccounts(),
            Features = new Dictionary<RedirectionSessionType, IRedirectionDeviceFeature> { [RedirectionSessionType.Kvm] = Feature },
            MessageGap = TimeSpan.FromMilliseconds(5),
        };
        Address = KvmTestAddresses.Next();
        _listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(Address, RedirectionClientOptions.Port));
        _listener.Listen(8);
        _accepting = AcceptAsync();
    }

    public IPAddress Address { get; }

    public TestScreen Screen { get; }

    public KvmDeviceFeature Feature { get; }

    public RedirectionDeviceOptions Options { get; }

    public KvmStartRefusal Refusal { get; set; }

    public RedirectionClientOptions Client(string password = StandaloneDevice.Password) => new()
    {
        Host = Address.ToString(),
        Credentials = new AmtCredentials("admin", password),
        ReplyTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Drops every open connection at once, as a device that resets does.</summary>
    public async Task DropConnectionsAsync()
    {
        await _stopping.CancelAsync();
        Task[] open;
        lock (_connections)
        {
            open = [.. _connections];
        }

        await Task.WhenAll(open).WaitAsync(TimeSpan.FromSeconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        await _accepting;
        await DropConnectionsAsync();
        _stopping.Dispose();
    }

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

            lock (_connections)
            {
                _connections.Add(RedirectionDeviceSession.ServeAsync(new NetworkStream(client, ownsSocket: true), "test", Options, _stopping.Token));
            }
        }
    }
}
