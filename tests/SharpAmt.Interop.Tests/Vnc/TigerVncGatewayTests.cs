using SharpAmt.Interop.Tests.Vnc.Support;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc;

/// <summary>
/// TigerVNC's viewer on a private X server against the KVM gateway (through a recording relay), in front of a
/// simulated AMT 12 device that asks for consent: the X screen shows exactly the device's monitor as the device's KVM
/// session carries it (RGB565, RGB332 at 4K), in the pixel format the viewer chose from the gateway's standard
/// server; its keyboard and mouse reach the device; and it stays connected across a host reset. The gateway runs
/// in-process through the library, and as the real <c>amt kvm --listen</c> process.
/// </summary>
public sealed class TigerVncGatewayTests(ITestOutputHelper output)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TigerVncEncodings.Raw)]
    [InlineData(TigerVncEncodings.Default)]
    public async Task The_viewer_shows_the_text_mode_monitor_exactly(TigerVncEncodings encodings)
    {
        await using var device = await GatewayDevice.StartAsync(TextMode, Token);
        await using var gateway = await LibraryGateway.StartAsync(device, Token);
        await using var session = await ViewAsync(gateway, device.Size, encodings);

        var negotiation = await AssertShowsAsync(session, gateway.Expected);

        Assert.Equal(RfbPixelFormat.Rgb565, gateway.DeviceLeg);
        AssertEncodingsServed(negotiation, encodings);
    }

    [Theory]
    [InlineData(TigerVncEncodings.Raw)]
    [InlineData(TigerVncEncodings.Default)]
    public async Task The_viewer_shows_the_1080p_desktop_exactly(TigerVncEncodings encodings)
    {
        await using var device = await GatewayDevice.StartAsync(SimulatedScreenOptions.Default, Token);
        await using var gateway = await LibraryGateway.StartAsync(device, Token);
        await using var session = await ViewAsync(gateway, device.Size, encodings);

        var negotiation = await AssertShowsAsync(session, gateway.Expected);

        Assert.Equal(new(1920, 1080), device.Size);
        Assert.Equal(RfbPixelFormat.Rgb565, gateway.DeviceLeg);
        AssertEncodingsServed(negotiation, encodings);
    }

    [Fact]
    public async Task Keys_typed_into_the_viewer_reach_the_desktop_and_show_in_it()
    {
        const string text = "typed through the gateway 1234";
        await using var device = await GatewayDevice.StartAsync(SimulatedScreenOptions.Default, Token);
        await using var gateway = await LibraryGateway.StartAsync(device, Token);
        await using var session = await ViewAsync(gateway, device.Size, TigerVncEncodings.Raw);
        await AssertShowsAsync(session, gateway.Expected);

        await XScreen.TypeAsync(session.Display, text, Token);

        await Eventually.TrueAsync(() => device.Device.Screen.TypedText.Contains(text, StringComparison.Ordinal), $"the desktop's field holds '{device.Device.Screen.TypedText}', not the typed text", Token);
        var negotiation = await AssertShowsAsync(session, gateway.Expected);
        Assert.True(negotiation.KeyEvents >= 2 * text.Length, $"the viewer sent {negotiation.KeyEvents} key events for {text.Length} characters");
    }

    [Fact]
    public async Task Moving_the_mouse_over_the_viewer_moves_the_device_pointer()
    {
        await using var device = await GatewayDevice.StartAsync(SimulatedScreenOptions.Default, Token);
        await using var gateway = await LibraryGateway.StartAsync(device, Token);
        await using var session = await ViewAsync(gateway, device.Size, TigerVncEncodings.Raw);
        await AssertShowsAsync(session, gateway.Expected);
        var before = device.Picture();

        // Far from the clock, the text field and the desktop's middle, where the pointer starts.
        await XScreen.MoveMouseAsync(session.Display, 300, 800, Token);

        await Eventually.TrueAsync(() => Changed(before, device.Picture(), 300, 800), $"the device never drew its pointer where the viewer's mouse went; {session.Negotiation()}", Token);
        Assert.True(Changed(before, device.Picture(), 1920 / 2, 1080 / 2), "the pointer did not leave its old place");
        await AssertShowsAsync(session, gateway.Expected);
    }

    [Fact]
    public async Task A_host_reset_keeps_the_viewer_connected_and_it_shows_the_new_boot()
    {
        await using var device = await GatewayDevice.StartAsync(TextMode, Token);
        await using var gateway = await LibraryGateway.StartAsync(device, Token);
        await using var session = await ViewAsync(gateway, device.Size, TigerVncEncodings.Raw);
        await Eventually.TrueAsync(() => device.Device.Console.State == HostConsoleState.Login, "tty1 never offered a login", Token);
        var login = device.Picture();
        // A name typed at the login prompt marks the old boot: a fresh boot's screen no longer has it.
        await XScreen.TypeAsync(session.Display, "oldboot", Token);
        await Eventually.TrueAsync(() => login.Differences(device.Picture()).Count > 0, "the typed name never changed the monitor", Token);
        await AssertShowsAsync(session, gateway.Expected);
        var oldBoot = device.Picture(gateway.DeviceLeg);
        var states = new List<HostConsoleState>();
        device.Device.Console.StateChanged += state => { lock (states) { states.Add(state); } };

        Assert.Equal(0u, device.Device.Host.RequestPowerChange((int)CimPowerState.Reset));

        await Eventually.TrueAsync(() => { lock (states) { return states.Contains(HostConsoleState.Post) && states[^1] == HostConsoleState.Login; } }, "the host never booted again to its login", Token);
        var shown = await AssertShowsAsync(session, gateway.Expected);
        Assert.False(session.Viewer.HasExited, $"the viewer left during the reset:\n{session.Viewer.Log}");
        Assert.Single(session.Tap.Connections());
        Assert.NotEqual(0, oldBoot.Differences(device.Picture(gateway.DeviceLeg)).Count);
        Assert.Equal(SimulatedScreen.TextModeSize, device.Size);
        output.WriteLine($"reconnections of the device session: {gateway.Screen.Reconnects}; {shown}");
    }

    [Fact]
    public async Task A_4k_desktop_arrives_in_8_bit_and_the_viewer_shows_it_exactly()
    {
        await using var device = await GatewayDevice.StartAsync(SimulatedScreenOptions.Default with { Width = 3840, Height = 2160 }, Token);
        await using var gateway = await LibraryGateway.StartAsync(device, Token);
        await using var session = await ViewAsync(gateway, device.Size, TigerVncEncodings.Raw);

        var negotiation = await AssertShowsAsync(session, () => device.Picture(RfbPixelFormat.Rgb332));

        Assert.Equal(RfbPixelFormat.Rgb332, gateway.DeviceLeg);
        Assert.Equal(new RfbScreenSize(3840, 2160), negotiation.InitialSize);
        // The gateway widens the device's 8 bits to its standard 32-bit format; the viewer keeps that.
        Assert.Equal(32, negotiation.EffectiveFormat!.Value.BitsPerPixel);
        // So the 8-bit leg shows: the same monitor through RGB565 would not have matched.
        Assert.NotEqual(0, device.Picture(RfbPixelFormat.Rgb332).Differences(device.Picture(RfbPixelFormat.Rgb565)).Count);
    }

    [Fact]
    public async Task The_amt_kvm_listen_process_serves_the_desktop_exactly_and_takes_the_viewers_keys()
    {
        const string text = "typed through amt kvm";
        await using var device = await GatewayDevice.StartAsync(SimulatedScreenOptions.Default, Token);
        await using var amt = await AmtKvmGatewayProcess.StartAsync(device, new System.Net.IPEndPoint(GatewayAddresses.Next(), 5901), Token);
        await using var session = await TigerVncSession.StartAsync(amt.Endpoint, AmtKvmGatewayProcess.VncPassword, device.Size, TigerVncEncodings.Default, GatewayAddresses.Next(), Token);

        var negotiation = await AssertShowsAsync(session, () => device.Picture(RfbPixelFormat.Rgb565));
        await XScreen.TypeAsync(session.Display, text, Token);

        await Eventually.TrueAsync(() => device.Device.Screen.TypedText.Contains(text, StringComparison.Ordinal), $"the desktop's field holds '{device.Device.Screen.TypedText}'; amt said:\n{amt.Output}", Token);
        await AssertShowsAsync(session, () => device.Picture(RfbPixelFormat.Rgb565));
        Assert.Equal((int)RfbSecurityType.VncAuthentication, negotiation.SecurityType);
        Assert.Equal(1, amt.CodesTyped);
        Assert.Equal(1, device.KvmSessionsStarted);
        Assert.False(amt.HasExited, amt.Output);
        output.WriteLine(amt.Output);
    }

    [Fact]
    public async Task An_me_reset_under_amt_kvm_listen_is_reconnected_while_the_viewer_stays()
    {
        const string text = "after the me reset";
        await using var device = await GatewayDevice.StartAsync(SimulatedScreenOptions.Default, Token);
        await using var amt = await AmtKvmGatewayProcess.StartAsync(device, new System.Net.IPEndPoint(GatewayAddresses.Next(), 5901), Token);
        await using var session = await TigerVncSession.StartAsync(amt.Endpoint, AmtKvmGatewayProcess.VncPassword, device.Size, TigerVncEncodings.Raw, GatewayAddresses.Next(), Token);
        await AssertShowsAsync(session, () => device.Picture(RfbPixelFormat.Rgb565));

        device.Device.SimulateManagementEngineReset(TimeSpan.FromSeconds(1));

        await Eventually.TrueAsync(() => amt.Output.Contains("reconnected:", StringComparison.Ordinal), $"amt kvm never reconnected:\n{amt.Output}", Token);
        await XScreen.TypeAsync(session.Display, text, Token);
        await Eventually.TrueAsync(() => device.Device.Screen.TypedText.Contains(text, StringComparison.Ordinal), $"keys after the reconnection never arrived; amt said:\n{amt.Output}", Token);
        await AssertShowsAsync(session, () => device.Picture(RfbPixelFormat.Rgb565));
        Assert.Contains("KVM session lost", amt.Output, StringComparison.Ordinal);
        Assert.False(session.Viewer.HasExited, $"the viewer left during the ME reset:\n{session.Viewer.Log}");
        Assert.Single(session.Tap.Connections());
        Assert.False(amt.HasExited, amt.Output);
        Assert.Equal(2, device.KvmSessionsStarted);
        output.WriteLine($"consent codes typed: {amt.CodesTyped}\n{amt.Output}");
    }

    private static readonly SimulatedScreenOptions TextMode = SimulatedScreenOptions.Default with { GraphicalDesktop = false };

    /// <summary>Whether the 48 × 48 pixels from (x − 8, y − 8) differ between the two pictures.</summary>
    private static bool Changed(RgbImage before, RgbImage after, int x, int y) =>
        before.Crop(x - 8, y - 8, 48, 48).Differences(after.Crop(x - 8, y - 8, 48, 48)).Count > 0;

    /// <summary>RAW only when asked for; TigerVNC's defaults (Tight first) get ZRLE, the best the gateway's standard server has.</summary>
    private static void AssertEncodingsServed(RfbNegotiation negotiation, TigerVncEncodings encodings)
    {
        var expected = encodings == TigerVncEncodings.Raw ? RfbEncoding.Raw : RfbEncoding.AmtRle;
        Assert.Contains(expected, negotiation.RectangleEncodings);
        Assert.Equal(RfbPixelFormat.TrueColour32.BitsPerPixel, negotiation.ServerFormat!.Value.BitsPerPixel);
    }

    /// <summary>TigerVNC on an X screen the size of the monitor, through a relay, with the gateway's password.</summary>
    private static Task<TigerVncSession> ViewAsync(LibraryGateway gateway, RfbScreenSize size, TigerVncEncodings encodings) =>
        TigerVncSession.StartAsync(gateway.Endpoint, LibraryGateway.Password, size, encodings, GatewayAddresses.Next(), Token);

    private async Task<RfbNegotiation> AssertShowsAsync(TigerVncSession session, Func<RgbImage> expected)
    {
        var negotiation = await session.AssertShowsAsync(expected, Token);
        output.WriteLine($"TigerVNC negotiated: {negotiation}");
        return negotiation;
    }
}
