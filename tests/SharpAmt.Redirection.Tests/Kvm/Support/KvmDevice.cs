using System.Net;
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
    private readonly LoopbackServer _server;

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
        _server = new LoopbackServer(KvmTestAddresses.Next(), RedirectionClientOptions.Port,
            (stream, cancellation) => RedirectionDeviceSession.ServeAsync(stream, "test", Options, cancellation));
    }

    public IPAddress Address => _server.Address;

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
    public Task DropConnectionsAsync() => _server.DropConnectionsAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
