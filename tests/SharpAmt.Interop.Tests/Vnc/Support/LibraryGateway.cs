using System.Net;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Gateway;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Session;
using SharpAmt.Transport;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// The KVM gateway run in-process through the library, in front of a <see cref="GatewayDevice"/>: a
/// <see cref="KvmGatewayScreen"/> over the device's KVM session and a <see cref="KvmGateway"/> asking viewers for
/// <see cref="Password"/>. Each session, the first and every one reopened after a loss, is preceded by consent: the
/// code read off the device, as the user at the machine would read it to the operator.
/// </summary>
internal sealed class LibraryGateway : IAsyncDisposable
{
    public const string Password = "Gw!pw123";

    private readonly GatewayDevice _device;

    private LibraryGateway(GatewayDevice device)
    {
        _device = device;
    }

    public KvmGatewayScreen Screen { get; private set; } = null!;

    public KvmGateway Gateway { get; private set; } = null!;

    public IPEndPoint Endpoint => Gateway.Endpoint!;

    /// <summary>The pixel format of the device leg now (RGB565, or RGB332 at 4K); RGB565 while reconnecting.</summary>
    public RfbPixelFormat DeviceLeg => Screen.Session?.Format ?? RfbPixelFormat.Rgb565;

    public static Task<LibraryGateway> StartAsync(GatewayDevice device, CancellationToken cancellationToken) =>
        StartAsync(device, GatewayAddresses.Next(), cancellationToken);

    /// <param name="listen">Where viewers connect (port 5901).</param>
    /// <param name="configure">Changes to the gateway's options, such as a WebSocket endpoint for noVNC.</param>
    public static async Task<LibraryGateway> StartAsync(GatewayDevice device, IPAddress listen, CancellationToken cancellationToken, Func<KvmGatewayOptions, KvmGatewayOptions>? configure = null)
    {
        var gateway = new LibraryGateway(device);
        var first = await gateway.OpenAsync(cancellationToken);
        gateway.Screen = new KvmGatewayScreen(first, gateway.OpenAsync, KvmReconnectPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(500) });
        try
        {
            var options = new KvmGatewayOptions { Listen = new IPEndPoint(listen, 5901), VncPassword = Password };
            gateway.Gateway = KvmGateway.Start(gateway.Screen, configure?.Invoke(options) ?? options);
        }
        catch
        {
            await gateway.Screen.DisposeAsync();
            throw;
        }

        return gateway;
    }

    /// <summary>The monitor as this gateway's viewers can show it: through the device leg's current format.</summary>
    public RgbImage Expected() => _device.Picture(DeviceLeg);

    public async ValueTask DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        await Screen.DisposeAsync();
    }

    private async Task<KvmSession> OpenAsync(CancellationToken cancellationToken)
    {
        var consent = _device.Device.Consent;
        if (consent.State == OptInState.NotStarted)
        {
            Xunit.Assert.Equal(0u, consent.Start());
            Xunit.Assert.Equal(0u, consent.SendCode(consent.DisplayedCode!));
        }

        return await KvmSession.OpenAsync(new RedirectionClientOptions
        {
            Host = _device.Host,
            Credentials = new AmtCredentials(_device.Device.Options.User, _device.Device.Options.Password),
            ReplyTimeout = TimeSpan.FromSeconds(10),
        }, cancellationToken: cancellationToken);
    }
}
