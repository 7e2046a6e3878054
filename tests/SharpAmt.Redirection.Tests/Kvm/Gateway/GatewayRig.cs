using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Gateway;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Session;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Tests.Support;
using SharpAmt.Transport;
using SharpAmt.Transport.WebSockets;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Gateway;

/// <summary>
/// A simulated AMT 12 device, the gateway in front of its KVM, and viewers connected over loopback as an ordinary
/// VNC viewer would (32-bit true colour, ZRLE). Device and gateway each get an address of 127.0.180.1–127.0.181.254.
/// Consent is granted before every session, as a user reading the code off the screen would.
/// </summary>
internal sealed class GatewayRig : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static int _next;
    private readonly List<KvmSession> _viewers = [];

    private GatewayRig(SimulatedDevice device)
    {
        Device = device;
    }

    public SimulatedDevice Device { get; }

    public KvmGatewayScreen Screen { get; private set; } = null!;

    public KvmGateway Gateway { get; private set; } = null!;

    public List<KvmGatewayEvent> Events { get; } = [];

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next) - 1;
        return index < 2 * 254
            ? new IPAddress(new byte[] { 127, 0, (byte)(180 + (index / 254)), (byte)(1 + (index % 254)) })
            : throw new InvalidOperationException("the gateway tests ran out of 127.0.180.1–127.0.181.254");
    }

    /// <param name="time">The device's clock; the system's when null.</param>
    /// <param name="addresses">Where device and gateway listen; <see cref="NextAddress"/> when null.</param>
    /// <param name="gateway">Changes to the gateway's options (a WebSocket endpoint, allowed origins, a viewer limit).</param>
    public static async Task<GatewayRig> StartAsync(SimulatedScreenOptions? screen = null, KvmReconnectPolicy? policy = null, string? vncPassword = null, bool desktop = true,
        TimeProvider? time = null, Func<IPAddress>? addresses = null, Func<KvmGatewayOptions, KvmGatewayOptions>? gateway = null)
    {
        addresses ??= NextAddress;
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = addresses(),
            Firmware = FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
            Console = HostConsoleOptions.Default with { LinePace = TimeSpan.Zero, GrubTimeout = TimeSpan.Zero },
            Screen = screen ?? SimulatedScreenOptions.Default with { AnimationRate = 0 },
            Time = time ?? TimeProvider.System,
        });
        device.Redirection.ListenerEnabled = true;
        var rig = new GatewayRig(device);
        try
        {
            await device.StartAsync(Token);
            if (desktop)
            {
                await rig.BootToDesktopAsync();
            }

            var first = await rig.OpenDeviceSessionAsync(Token);
            rig.Screen = new KvmGatewayScreen(first, rig.OpenDeviceSessionAsync, policy ?? KvmReconnectPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(500) },
                gatewayEvent => { lock (rig.Events) { rig.Events.Add(gatewayEvent); } });
            var options = new KvmGatewayOptions { Listen = new IPEndPoint(addresses(), 0), VncPassword = vncPassword };
            rig.Gateway = KvmGateway.Start(rig.Screen, gateway?.Invoke(options) ?? options);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    /// <summary>What the gateway's reconnect does here: grant consent (reading the code off the device), then open KVM.</summary>
    public async Task<KvmSession> OpenDeviceSessionAsync(CancellationToken cancellationToken)
    {
        if (Device.Consent.State == OptInState.NotStarted)
        {
            Device.Consent.Start();
            Device.Consent.SendCode(Device.Consent.DisplayedCode!);
        }

        return await KvmSession.OpenAsync(new RedirectionClientOptions
        {
            Host = Device.Address.ToString(),
            Credentials = new AmtCredentials(Device.Options.User, Device.Options.Password),
            ReplyTimeout = TimeSpan.FromSeconds(10),
        }, cancellationToken: cancellationToken);
    }

    /// <summary>A viewer as TigerVNC or RealVNC connects: 32-bit true colour, ZRLE, RAW, DesktopSize.</summary>
    public async Task<KvmSession> ConnectViewerAsync(string? password = null)
    {
        var endpoint = Gateway.Endpoint!;
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(endpoint, Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return await OpenViewerAsync(new NetworkStream(socket, ownsSocket: true), endpoint.ToString(), password);
    }

    /// <summary>
    /// The same viewer over the gateway's WebSocket endpoint, as a .NET program would connect: <see cref="ClientWebSocket"/>,
    /// RFB in binary messages. <paramref name="configure"/> sets an Origin header or offers subprotocols.
    /// </summary>
    public async Task<(KvmSession Viewer, ClientWebSocket WebSocket)> ConnectWebSocketViewerAsync(string? password = null, Action<ClientWebSocketOptions>? configure = null)
    {
        var webSocket = new ClientWebSocket();
        configure?.Invoke(webSocket.Options);
        try
        {
            await webSocket.ConnectAsync(new Uri(Gateway.WebSocketUrl!), Token);
        }
        catch
        {
            webSocket.Dispose();
            throw;
        }

        var viewer = await OpenViewerAsync(new WebSocketBinaryStream(webSocket, TimeSpan.FromSeconds(2)), Gateway.WebSocketUrl!, password);
        return (viewer, webSocket);
    }

    private async Task<KvmSession> OpenViewerAsync(Stream stream, string endpoint, string? password)
    {
        var viewer = await KvmSession.OpenAsync(stream, endpoint, new KvmSessionOptions
        {
            Format = RfbPixelFormat.TrueColour32,
            Encodings = [(int)RfbEncoding.AmtRle, (int)RfbEncoding.Raw, (int)RfbEncoding.DesktopSize],
            TileDialect = RfbTileDialect.Zrle,
            VncPassword = password,
            ReplyTimeout = TimeSpan.FromSeconds(10),
        }, Token);
        _viewers.Add(viewer);
        return viewer;
    }

    public async Task BootToDesktopAsync()
    {
        if (Device.Host.PowerState != CimPowerState.On)
        {
            Assert.Equal(0u, Device.Host.RequestPowerChange((int)CimPowerState.On));
        }

        await EventuallyAsync(() => Device.Screen.Mode == ScreenMode.Desktop, "the monitor never showed the desktop");
    }

    /// <summary>
    /// The viewer's picture equals the monitor's seen through the device leg's pixel format (the viewer's 32-bit
    /// format adds no loss of its own).
    /// </summary>
    public Task AssertViewerShowsTheMonitorAsync(KvmSession viewer) =>
        KvmPictureMatch.WaitForAsync(Device.Screen, viewer.Snapshot, () => Screen.Session?.Format ?? RfbPixelFormat.Rgb565, "the viewer's picture and the monitor", Patience, Token);

    /// <summary>What happened to the gateway's device session so far, in order.</summary>
    public KvmGatewayEventKind[] EventKinds()
    {
        lock (Events)
        {
            return [.. Events.Select(gatewayEvent => gatewayEvent.Kind)];
        }
    }

    public static async Task EventuallyAsync(Func<bool> condition, string failure)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(elapsed.Elapsed < Patience, failure);
            await Task.Delay(20, Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var viewer in _viewers)
        {
            await viewer.DisposeAsync();
        }

        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        if (Screen is not null)
        {
            await Screen.DisposeAsync();
        }

        await Device.DisposeAsync();
    }
}
