using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Transport.WebSockets;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// <c>amt kvm HOST --listen-websocket ADDR:PORT [--allow-origin URL…]</c>: what the options bind to, the usage errors
/// (exit 2), a viewer over WebSocket through the real command, and an endpoint that cannot be bound (exit 1).
/// Devices and gateways on 127.0.223.101–127.0.223.200.
/// </summary>
public sealed class KvmWebSocketCommandTests
{
    private const string Origin = "http://127.0.0.1:8080";
    private static int _next = 100;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void A_bare_port_means_loopback_and_origins_are_kept_as_browsers_send_them()
    {
        var parse = AmtRootCommand.Instance.Parse(["kvm", "h", "--listen-websocket", "5902", "--allow-origin", "HTTP://LocalHost:80/", "--allow-origin", Origin]);

        Assert.Empty(parse.Errors);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 5902), parse.GetValue<IPEndPoint?>("--listen-websocket"));
        Assert.Equal(["http://localhost", Origin], parse.GetValue<List<string>>("--allow-origin"));
    }

    [Theory]
    [InlineData("--listen-websocket takes ADDRESS:PORT", "--listen-websocket", "somewhere")]
    [InlineData("--listen-websocket takes ADDRESS:PORT", "--listen-websocket", "127.0.0.1:70000")]
    [InlineData("--allow-origin takes a web origin such as http://127.0.0.1:8080", "--listen-websocket", "5902", "--allow-origin", "http://127.0.0.1:8080/vnc.html")]
    [InlineData("--allow-origin takes a web origin such as http://127.0.0.1:8080", "--listen-websocket", "5902", "--allow-origin", "127.0.0.1:8080")]
    [InlineData("--allow-origin goes with --listen-websocket", "--listen", "5901", "--allow-origin", Origin)]
    [InlineData("--vnc-password goes with --listen or --listen-websocket", "--vnc-password", "--screenshot", "x.png")]
    public async Task Bad_websocket_options_exit_2_before_connecting(string expected, params string[] options)
    {
        using var harness = new CliHarness();

        var result = await harness.RunAsync(["kvm", "127.0.223.254", .. options], null, Token);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_websocket_viewer_from_an_allowed_page_gives_the_vnc_password_sees_the_desktop_and_types_onto_it()
    {
        const string password = "Ws!pw123";
        using var harness = new CliHarness();
        harness.Variables["AMT_VNC_PASSWORD"] = password;
        harness.AddSecret(password);
        await using var device = await KvmActionDevices.StartAsync(address: NextAddress());
        using var gateway = await KvmGatewayRun.StartAsync(harness,
            [device.Address.ToString(), "--listen-websocket", $"{NextAddress()}:0", "--allow-origin", Origin, "--vnc-password"], KvmGatewayRun.WebSocketUrl());
        var url = gateway.Announced;

        var webSocket = new ClientWebSocket();
        webSocket.Options.SetRequestHeader("Origin", Origin);
        await webSocket.ConnectAsync(new Uri(url), Token);
        await using (var viewer = await KvmSession.OpenAsync(new WebSocketBinaryStream(webSocket, TimeSpan.FromSeconds(2)), url,
            new KvmSessionOptions { Format = RfbPixelFormat.TrueColour32, Encodings = [16, 0, -223], TileDialect = RfbTileDialect.Zrle, VncPassword = password }, Token))
        {
            Assert.Equal(new RfbScreenSize(1920, 1080), viewer.Size);
            await viewer.TypeTextAsync("typed through amt kvm", Token);
            await KvmActionDevices.EventuallyAsync(() => device.Screen.TypedText.Contains("typed through amt kvm", StringComparison.Ordinal), "the viewer's keys never reached the desktop");
        }

        var result = await gateway.StopAsync();
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains($"listening for WebSocket viewers on {new Uri(url).Authority}: noVNC: {url}; Ctrl-C stops", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("point a VNC viewer", result.Out, StringComparison.Ordinal);
        Assert.Contains($"(WebSocket, page {Origin})", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endpoint_in_use_is_exit_1_naming_it()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync(address: NextAddress());
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        taken.Bind(new IPEndPoint(NextAddress(), 0));
        taken.Listen();
        var endpoint = (IPEndPoint)taken.LocalEndPoint!;

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "--listen", $"{endpoint.Address}:0", "--listen-websocket", endpoint.ToString());

        Assert.True(ExitCodes.DeviceError == result.ExitCode, result.ToString());
        Assert.Equal($"amt: cannot listen on {endpoint} (WebSocket): Address already in use", Assert.Single(result.ErrorLines));
    }

    private static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        return index <= 200 ? new IPAddress(new byte[] { 127, 0, 223, (byte)index }) : throw new InvalidOperationException("out of 127.0.223.101–200");
    }
}
