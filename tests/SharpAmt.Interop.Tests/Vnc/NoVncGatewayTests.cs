using System.Collections.Concurrent;
using System.Net;
using SharpAmt.Interop.Tests.Vnc.Support;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Host.Screen;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc;

/// <summary>
/// noVNC 1.7 (npm, as its package-lock pins it) in Debian's Chromium, connected straight to the KVM gateway's WebSocket
/// endpoint, no websockify between: its canvas shows exactly the simulated device's monitor as the device's KVM session
/// carries it (RGB565), in the 32-bit true colour noVNC asks for; keys typed into the page reach the desktop; and a page
/// from an origin the gateway does not allow never connects. The gateway runs as the real <c>amt kvm
/// --listen-websocket</c> process, and in-process through the library.
/// </summary>
public sealed class NoVncGatewayTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoVnc_in_chromium_shows_the_desktop_exactly_and_its_keys_reach_the_device()
    {
        const string text = "typed in novnc 1234";
        await using var device = await GatewayDevice.StartAsync(SimulatedScreenOptions.Default, NoVncAddresses.Next(), Token);
        await using var site = await NoVncSite.StartAsync(NoVncAddresses.Next(), Token);
        var listen = new IPEndPoint(NoVncAddresses.Next(), 5902);
        await using var amt = await AmtKvmGatewayProcess.StartAsync(device, ["--listen-websocket", listen.ToString(), "--allow-origin", site.Origin, "--vnc-password"], null, Token);
        Assert.Contains($"noVNC: ws://{listen}; Ctrl-C stops", amt.Output, StringComparison.Ordinal);

        await using var browser = await NoVncBrowser.OpenAsync(site.ViewerUrl($"ws://{listen}", AmtKvmGatewayProcess.VncPassword), Token);
        await browser.WaitForStateAsync("connected", Token);
        await AssertShowsAsync(browser, () => device.Picture(RfbPixelFormat.Rgb565), () => amt.Output);
        // noVNC lists CopyRect, Tight and TightPNG before ZRLE; the gateway serves the first it has, ZRLE, and no RAW.
        var rectangles = await browser.RectanglesAsync();
        Assert.True(rectangles.GetValueOrDefault(16) > 0 && rectangles.Keys.All(encoding => encoding == 16), $"noVNC decoded {string.Join(", ", rectangles)}");

        await browser.TypeAsync(text);

        await Eventually.TrueAsync(() => device.Device.Screen.TypedText.Contains(text, StringComparison.Ordinal),
            $"the desktop's field holds '{device.Device.Screen.TypedText}', not the text typed into noVNC", Token);
        await AssertShowsAsync(browser, () => device.Picture(RfbPixelFormat.Rgb565), () => amt.Output);
        Assert.Contains($"(WebSocket, page {site.Origin})", amt.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoVnc_shows_the_text_mode_monitor_exactly_through_the_library_gateway()
    {
        var log = new ConcurrentQueue<string>();
        await using var device = await GatewayDevice.StartAsync(SimulatedScreenOptions.Default with { GraphicalDesktop = false }, NoVncAddresses.Next(), Token);
        await using var site = await NoVncSite.StartAsync(NoVncAddresses.Next(), Token);
        await using var gateway = await LibraryGateway.StartAsync(device, NoVncAddresses.Next(), Token,
            options => options with { ListenWebSocket = new IPEndPoint(options.Listen!.Address, 0), AllowedOrigins = [site.Origin], Log = log.Enqueue });

        await using var browser = await NoVncBrowser.OpenAsync(site.ViewerUrl(gateway.Gateway.WebSocketUrl!, LibraryGateway.Password), Token);
        await browser.WaitForStateAsync("connected", Token);

        await AssertShowsAsync(browser, gateway.Expected, () => string.Join('\n', log));
        Assert.Equal(SimulatedScreen.TextModeSize, device.Size);
    }

    [Fact]
    public async Task A_page_from_an_origin_not_allowed_never_connects()
    {
        await using var device = await GatewayDevice.StartAsync(SimulatedScreenOptions.Default, NoVncAddresses.Next(), Token);
        await using var site = await NoVncSite.StartAsync(NoVncAddresses.Next(), Token);
        var listen = new IPEndPoint(NoVncAddresses.Next(), 5902);
        await using var amt = await AmtKvmGatewayProcess.StartAsync(device, ["--listen-websocket", listen.ToString(), "--allow-origin", "http://127.0.0.1:8080", "--vnc-password"], null, Token);

        await using var browser = await NoVncBrowser.OpenAsync(site.ViewerUrl($"ws://{listen}", AmtKvmGatewayProcess.VncPassword), Token);
        await browser.WaitForStateAsync("disconnected", Token);

        var (_, events) = await browser.StatusAsync();
        Assert.Equal("disconnect clean=false", events);
        await Eventually.TrueAsync(() => amt.Output.Contains($"refused: 403, web pages from this origin may not connect ({site.Origin})", StringComparison.Ordinal),
            $"amt kvm never logged the refusal:\n{amt.Output}", Token);
        Assert.DoesNotContain("viewer connected", amt.Output, StringComparison.Ordinal);
    }

    private static Task<RgbImage> AssertShowsAsync(NoVncBrowser browser, Func<RgbImage> expected, Func<string> gatewayLog) =>
        Eventually.EqualPicturesAsync(browser.PictureAsync, expected, () => $"gateway:\n{gatewayLog()}\nnoVNC console:\n{browser.ConsoleText}", Token);
}
