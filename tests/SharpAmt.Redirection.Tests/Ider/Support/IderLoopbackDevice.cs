using System.Net;
using System.Net.Sockets;
using SharpAmt.Redirection.Device;
using SharpAmt.Redirection.Ider.Device;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Wire;
using SharpAmt.Redirection.Tests.Support;
using SharpAmt.Transport;

namespace SharpAmt.Redirection.Tests.Ider.Support;

/// <summary>
/// The device side of IDE-R alone on a loopback redirection port (16994): the feature and its host port, with the
/// switch of AMT_RedirectionService a test can turn off. Connections can be dropped from the device side.
/// </summary>
internal sealed class IderLoopbackDevice : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _dropping = new();
    private readonly Task _accepting;
    private readonly List<Task> _connections = [];

    public IderLoopbackDevice(Func<Func<bool>, IderDeviceFeature>? configure = null, IRedirectionDeviceFeature? scripted = null)
    {
        Feature = configure?.Invoke(() => Enabled) ?? new IderDeviceFeature(() => Enabled) { FirmwareMajor = 12, FirmwareMinor = 0 };
        Accounts = new StandaloneDevice.TestAccounts();
        Options = new RedirectionDeviceOptions
        {
            Accounts = Accounts,
            FirmwareMajor = 12,
            Features = new Dictionary<RedirectionSessionType, IRedirectionDeviceFeature> { [RedirectionSessionType.Ider] = scripted ?? Feature },
        };
        Address = IderTestAddresses.Next();
        _listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(Address, RedirectionClientOptions.Port));
        _listener.Listen(8);
        _accepting = AcceptAsync();
    }

    public IPAddress Address { get; }

    public IderDeviceFeature Feature { get; }

    public IderHostPort Port => Feature.Port;

    public StandaloneDevice.TestAccounts Accounts { get; }

    public RedirectionDeviceOptions Options { get; }

    public volatile bool Enabled = true;

    public RedirectionClientOptions Client(string? password = null, RedirectionAuthentication authentication = RedirectionAuthentication.Auto) => new()
    {
        Host = Address.ToString(),
        Credentials = new AmtCredentials("admin", password ?? StandaloneDevice.Password),
        Authentication = authentication,
        ReplyTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Closes every open connection from the device side, as a device that reboots its ME would.</summary>
    public Task DropConnectionsAsync() => _dropping.CancelAsync();

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
                _connections.Add(RedirectionDeviceSession.ServeAsync(new NetworkStream(client, ownsSocket: true), "test", Options, _dropping.Token));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _dropping.CancelAsync();
        _listener.Dispose();
        await _accepting;
        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections).WaitAsync(TimeSpan.FromSeconds(10));
        _stopping.Dispose();
        _dropping.Dispose();
    }
}
