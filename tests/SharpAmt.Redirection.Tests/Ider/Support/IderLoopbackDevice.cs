using System.Net;
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
    private readonly LoopbackServer _server;

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
        _server = new LoopbackServer(IderTestAddresses.Next(), RedirectionClientOptions.Port,
            (stream, cancellation) => RedirectionDeviceSession.ServeAsync(stream, "test", Options, cancellation));
    }

    public IPAddress Address => _server.Address;

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
    public Task DropConnectionsAsync() => _server.DropConnectionsAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
