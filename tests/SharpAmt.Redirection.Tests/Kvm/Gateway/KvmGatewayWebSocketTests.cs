using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using SharpAmt.Redirection.Kvm.Rfb;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Gateway;

/// <summary>
/// The KVM gateway's WebSocket endpoint, as noVNC reaches it without websockify: a .NET <see cref="ClientWebSocket"/>
/// viewer runs RFB over binary messages and sees the device's picture exactly; bad, oversized and slow upgrade requests
/// are answered and closed while the gateway keeps serving; pages from origins not allowed are refused.
/// </summary>
public sealed class KvmGatewayWebSocketTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";

    private static CancellationToken Token => GatewayRig.Token;

    [Fact]
    public async Task A_websocket_viewer_sees_the_desktop_exactly_and_types_onto_it()
    {
        await using var rig = await StartAsync();
        var (viewer, webSocket) = await rig.ConnectWebSocketViewerAsync();

        Assert.Equal(new RfbScreenSize(1920, 1080), viewer.Size);
        Assert.Null(webSocket.SubProtocol);
        await rig.AssertViewerShowsTheMonitorAsync(viewer);

        await viewer.TypeTextAsync("typed over a WebSocket", Token);
        await GatewayRig.EventuallyAsync(() => rig.Device.Screen.TypedText.Contains("typed over a WebSocket", StringComparison.Ordinal), "the typed text never reached the desktop");
        await rig.AssertViewerShowsTheMonitorAsync(viewer);
    }

    [Fact]
    public async Task The_binary_subprotocol_is_echoed_when_offered_and_the_vnc_password_is_asked_as_over_tcp()
    {
        await using var rig = await StartAsync(vncPassword: "gate!pw1");

        await Assert.ThrowsAnyAsync<Exception>(() => rig.ConnectWebSocketViewerAsync("wrong!pw"));
        var (viewer, webSocket) = await rig.ConnectWebSocketViewerAsync("gate!pw1", options => options.AddSubProtocol("binary"));

        Assert.Equal("binary", webSocket.SubProtocol);
        await rig.AssertViewerShowsTheMonitorAsync(viewer);
    }

    [Fact]
    public async Task Viewers_over_tcp_and_websocket_share_the_one_device_session_and_the_viewer_limit()
    {
        var log = new ConcurrentQueue<string>();
        await using var rig = await StartAsync(log, maxViewers: 2);
        var overTcp = await rig.ConnectViewerAsync();
        var (overWebSocket, _) = await rig.ConnectWebSocketViewerAsync();

        await overWebSocket.TypeTextAsync("shared", Token);
        await GatewayRig.EventuallyAsync(() => rig.Device.Screen.TypedText.Contains("shared", StringComparison.Ordinal), "the WebSocket viewer's keys never arrived");
        await rig.AssertViewerShowsTheMonitorAsync(overTcp);
        await rig.AssertViewerShowsTheMonitorAsync(overWebSocket);
        Assert.Equal(2, rig.Gateway.ViewerCount);
        Assert.Equal(0, rig.Screen.Reconnects);

        // A third viewer is one too many, whichever endpoint it comes to: closed before any answer.
        await Assert.ThrowsAsync<WebSocketException>(() => rig.ConnectWebSocketViewerAsync());
        Assert.Contains(log, line => line.Contains("refused: 2 viewers are connected already", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_upgrade_requests_are_answered_and_closed_while_the_gateway_keeps_serving()
    {
        var log = new ConcurrentQueue<string>();
        await using var rig = await StartAsync(log);
        var endpoint = rig.Gateway.WebSocketEndpoint!;
        const string upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\n";
        (string Request, int Status, string? Header, string? Value)[] cases =
        [
            ($"GET / HTTP/1.1\r\nHost: h\r\n{upgrade}Sec-WebSocket-Key: {Key}\r\nSec-WebSocket-Version: 8\r\n\r\n", 426, "Sec-WebSocket-Version", "13"),
            ($"GET / HTTP/1.1\r\nHost: h\r\n{upgrade}Sec-WebSocket-Key: {Key}\r\n\r\n", 426, "Sec-WebSocket-Version", "13"),
            ($"GET / HTTP/1.1\r\nHost: h\r\n{upgrade}Sec-WebSocket-Version: 13\r\n\r\n", 400, null, null),
            ($"GET / HTTP/1.1\r\nHost: h\r\n{upgrade}Sec-WebSocket-Key: c2hvcnQ=\r\nSec-WebSocket-Version: 13\r\n\r\n", 400, null, null),
            ($"GET / HTTP/1.1\r\n{upgrade}Sec-WebSocket-Key: {Key}\r\nSec-WebSocket-Version: 13\r\n\r\n", 400, null, null),
            ($"POST / HTTP/1.1\r\nHost: h\r\n{upgrade}Sec-WebSocket-Key: {Key}\r\nSec-WebSocket-Version: 13\r\nContent-Length: 0\r\n\r\n", 400, null, null),
            ("GET / HTTP/1.1\r\nHost: h\r\n\r\n", 426, "Upgrade", "websocket"),
            ($"GET / HTTP/1.1\r\nHost: h\r\n{upgrade}Sec-WebSocket-Key: {Key}\r\nSec-WebSocket-Version: 13\r\n\r\n\x82\x80", 400, null, null),
            ("RFB 003.008\n\r\n\r\n", 400, null, null),
        ];

        foreach (var (request, status, header, value) in cases)
        {
            var answer = await RawHttpExchange.SendAsync(endpoint, request, Token);

            Assert.True(status == answer.Status, $"{Escape(request)}: answered {answer.Status}, not {status}:\n{answer.Text}");
            Assert.Equal("close", answer.Header("Connection"));
            if (header is not null)
            {
                Assert.Equal(value, answer.Header(header));
            }
        }

        await GatewayRig.EventuallyAsync(() => log.Count(line => line.Contains(" refused: ", StringComparison.Ordinal)) == cases.Length, $"not one log line per refusal:\n{string.Join('\n', log)}");
        Assert.Contains(log, line => line.Contains("WebSocket viewer from", StringComparison.Ordinal) && line.EndsWith("refused: 426, WebSocket version 13 only (8)", StringComparison.Ordinal));
        var (viewer, _) = await rig.ConnectWebSocketViewerAsync();
        await rig.AssertViewerShowsTheMonitorAsync(viewer);
    }

    [Fact]
    public async Task An_oversize_head_is_refused_and_a_slow_one_timed_out_while_the_gateway_keeps_serving()
    {
        var log = new ConcurrentQueue<string>();
        await using var rig = await StartAsync(log);
        var endpoint = rig.Gateway.WebSocketEndpoint!;
        var slow = RawHttpExchange.StaySilentAsync(endpoint, "GET / HTTP/1.1\r\nHost: h\r\n", Token);

        var oversize = await RawHttpExchange.SendAsync(endpoint, $"GET / HTTP/1.1\r\nHost: h\r\nX-Filler: {new string('a', 9 * 1024)}\r\n\r\n", Token);
        var (late, after) = await slow;

        Assert.Equal(400, oversize.Status);
        Assert.Equal(408, late.Status);
        Assert.InRange(after, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(15));
        await LoggedAsync(log, "refused: 400, the request head is too large (over 8192 bytes)");
        await LoggedAsync(log, "refused: 408, the request did not arrive in time (25 bytes in 5 s)");
        var (viewer, _) = await rig.ConnectWebSocketViewerAsync();
        await rig.AssertViewerShowsTheMonitorAsync(viewer);
    }

    [Fact]
    public async Task Stopping_the_gateway_while_a_viewer_is_half_way_through_its_request_closes_it_cleanly()
    {
        await using var rig = await StartAsync();
        using var halfWay = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await halfWay.ConnectAsync(rig.Gateway.WebSocketEndpoint!, Token);
        await halfWay.SendAsync("GET / HTTP/1.1\r\nHost: h\r\n"u8.ToArray(), Token);
        await GatewayRig.EventuallyAsync(() => rig.Gateway.ViewerCount == 1, "the gateway never took the connection");

        await rig.Gateway.DisposeAsync().AsTask().WaitAsync(GatewayRig.Patience, Token);

        Assert.Equal(0, await halfWay.ReceiveAsync(new byte[64], Token).AsTask().WaitAsync(GatewayRig.Patience, Token));
    }

    [Fact]
    public async Task A_page_from_an_origin_not_allowed_gets_403_and_one_allowed_is_served()
    {
        var log = new ConcurrentQueue<string>();
        await using var rig = await StartAsync(log, origins: "HTTP://LocalHost:80/");

        var refused = await Assert.ThrowsAsync<WebSocketException>(() => rig.ConnectWebSocketViewerAsync(configure: options =>
        {
            options.SetRequestHeader("Origin", "http://evil.example");
            options.CollectHttpResponseDetails = true;
        }));
        var opaque = await RawHttpExchange.SendAsync(rig.Gateway.WebSocketEndpoint!,
            $"GET / HTTP/1.1\r\nHost: h\r\nOrigin: null\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {Key}\r\nSec-WebSocket-Version: 13\r\n\r\n", Token);
        var (viewer, _) = await rig.ConnectWebSocketViewerAsync(configure: options => options.SetRequestHeader("Origin", "http://localhost"));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.Equal(403, opaque.Status);
        await LoggedAsync(log, "refused: 403, web pages from this origin may not connect (http://evil.example)");
        await rig.AssertViewerShowsTheMonitorAsync(viewer);
        Assert.Contains(log, line => line.Contains("(WebSocket, page http://localhost)", StringComparison.Ordinal));
    }

    private static Task<GatewayRig> StartAsync(ConcurrentQueue<string>? log = null, string? vncPassword = null, int maxViewers = 8, params string[] origins) =>
        GatewayRig.StartAsync(vncPassword: vncPassword, addresses: WebSocketGatewayAddresses.Next, gateway: options => options with
        {
            ListenWebSocket = new IPEndPoint(options.Listen!.Address, 0),
            AllowedOrigins = origins,
            MaxViewers = maxViewers,
            Log = log is null ? null : log.Enqueue,
        });

    /// <summary>A refusal is logged once the connection is closed, which may come just after the client read the answer.</summary>
    private static Task LoggedAsync(ConcurrentQueue<string> log, string ending) =>
        GatewayRig.EventuallyAsync(() => log.Any(line => line.EndsWith(ending, StringComparison.Ordinal)), $"no log line ends '{ending}':\n{string.Join('\n', log)}");

    private static string Escape(string request) => request.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
