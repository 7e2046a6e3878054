using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Interop.Tests.Vnc.Support;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc;

/// <summary>
/// TigerVNC's viewer on a private X server against a simulated AMT 12 device's port 5900 (through a recording relay):
/// the X screen shows exactly the device's monitor, quantised to the pixel format the viewer chose; its keyboard and
/// mouse reach the device; a wrong password and a disabled port keep it out.
/// </summary>
public sealed class TigerVncPort5900Tests(ITestOutputHelper output)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TigerVncEncodings.Raw)]
    [InlineData(TigerVncEncodings.Default)]
    public async Task The_viewer_shows_the_text_mode_monitor_exactly(TigerVncEncodings encodings)
    {
        await using var device = await Port5900Device.StartAsync(desktop: false, Token);
        await using var session = await ViewAsync(device, encodings);

        await AssertShowsTheMonitorAsync(session, device);
    }

    [Theory]
    [InlineData(TigerVncEncodings.Raw)]
    [InlineData(TigerVncEncodings.Default)]
    [InlineData(TigerVncEncodings.Raw8Bit)]
    public async Task The_viewer_shows_the_1080p_desktop_exactly(TigerVncEncodings encodings)
    {
        await using var device = await Port5900Device.StartAsync(desktop: true, Token);
        await using var session = await ViewAsync(device, encodings);

        await AssertShowsTheMonitorAsync(session, device);
        Assert.Equal(new(1920, 1080), device.Size);
    }

    [Fact]
    public async Task Keys_typed_into_the_viewer_reach_the_desktop_and_show_in_it()
    {
        const string text = "typed into tigervnc 1234";
        await using var device = await Port5900Device.StartAsync(desktop: true, Token);
        await using var session = await ViewAsync(device, TigerVncEncodings.Raw);
        await AssertShowsTheMonitorAsync(session, device);

        await XScreen.TypeAsync(session.Display, text, Token);

        await Eventually.TrueAsync(() => device.Device.Screen.TypedText.Contains(text, StringComparison.Ordinal), $"the desktop's field holds '{device.Device.Screen.TypedText}', not the typed text", Token);
        await AssertShowsTheMonitorAsync(session, device);
        Assert.True(session.Negotiation()!.KeyEvents >= 2 * text.Length);
    }

    [Fact]
    public async Task Moving_the_mouse_over_the_viewer_moves_the_device_pointer()
    {
        await using var device = await Port5900Device.StartAsync(desktop: true, Token);
        await using var session = await ViewAsync(device, TigerVncEncodings.Raw);
        await AssertShowsTheMonitorAsync(session, device);
        var before = device.Picture();

        // Far from the clock, the text field and the desktop's middle, where the pointer starts.
        await XScreen.MoveMouseAsync(session.Display, 300, 800, Token);

        await Eventually.TrueAsync(() => Changed(before, device.Picture(), 300, 800), $"the device never drew its pointer where the viewer's mouse went; {session.Negotiation()}", Token);
        Assert.True(Changed(before, device.Picture(), 1920 / 2, 1080 / 2), "the pointer did not leave its old place");
        await AssertShowsTheMonitorAsync(session, device);
    }

    [Fact]
    public async Task The_viewer_follows_the_monitor_from_the_desktop_to_text_mode_and_back()
    {
        await using var device = await Port5900Device.StartAsync(desktop: true, Token);
        await using var session = await ViewAsync(device, TigerVncEncodings.Raw);
        await AssertShowsTheMonitorAsync(session, device);

        // Someone at the machine switches to tty1 and back, as on Linux; the picture changes size each time. (Through the
        // viewer it cannot be done: X turns Ctrl-Alt-F1 into XF86Switch_VT_1, which TigerVNC does not send.)
        PressAtTheMachine(device, F1);
        await Eventually.TrueAsync(() => device.Size == new RfbScreenSize(720, 400), "the monitor never switched to text mode", Token);
        await AssertShowsTheMonitorAsync(session, device);

        PressAtTheMachine(device, F1 + 6);
        await Eventually.TrueAsync(() => device.Size == new RfbScreenSize(1920, 1080), "the monitor never switched back to the desktop", Token);
        await AssertShowsTheMonitorAsync(session, device);
        Assert.Contains(RfbEncoding.DesktopSize, session.Negotiation()!.RectangleEncodings);
    }

    [Fact]
    public async Task A_wrong_password_is_refused()
    {
        await using var device = await Port5900Device.StartAsync(desktop: false, Token);
        device.GrantConsent();
        await using var display = await XvfbDisplay.StartAsync(device.Size.Width, device.Size.Height, Token);
        using var password = VncPasswordFile.Write("Wrong!12");
        await using var viewer = TigerVncViewer.Start(display, device.Host, Port5900Device.Port, password, TigerVncEncodings.Raw);

        Assert.True(await viewer.WaitForExitAsync(Eventually.Patience, Token), $"vncviewer kept running after a wrong password:\n{viewer.Log}");
        Assert.Contains("Authentication failure", viewer.Log, StringComparison.OrdinalIgnoreCase);
        await Eventually.TrueAsync(() => device.SecurityEvents.Any(e => e.Contains("AuthenticationFailed", StringComparison.Ordinal)), "the device never recorded the failed authentication", Token);
    }

    [Fact]
    public async Task A_disabled_port_5900_lets_no_viewer_in()
    {
        await using var device = await Port5900Device.StartAsync(desktop: false, Token);
        device.GrantConsent();
        device.Device.Kvm.Is5900PortEnabled = false;
        await using var display = await XvfbDisplay.StartAsync(device.Size.Width, device.Size.Height, Token);
        using var password = VncPasswordFile.Write(Port5900Device.Password);
        await using var viewer = TigerVncViewer.Start(display, device.Host, Port5900Device.Port, password, TigerVncEncodings.Raw);

        Assert.True(await viewer.WaitForExitAsync(Eventually.Patience, Token), $"vncviewer kept running against a disabled port:\n{viewer.Log}");
        // The device closes the connection before its RFB banner: the viewer never learns a protocol version.
        Assert.DoesNotContain("RFB protocol version", viewer.Log, StringComparison.Ordinal);
        Assert.DoesNotContain(device.SecurityEvents, e => e.Contains("KVM session started", StringComparison.Ordinal));

        // The same viewer, set up the same way, gets in once the port is enabled (the unused consent still holds).
        device.Device.Kvm.Is5900PortEnabled = true;
        await using var admitted = TigerVncViewer.Start(display, device.Host, Port5900Device.Port, password, TigerVncEncodings.Raw);
        await Eventually.TrueAsync(() => device.SecurityEvents.Any(e => e.Contains("KVM session started", StringComparison.Ordinal)), $"the viewer did not get in once the port was enabled:\n{admitted.Log}", Token);
    }

    private const uint ControlLeft = 0xFFE3, AltLeft = 0xFFE9, F1 = 0xFFBE;

    /// <summary>Ctrl-Alt plus <paramref name="keysym"/> on the machine's own keyboard.</summary>
    private static void PressAtTheMachine(Port5900Device device, uint keysym)
    {
        var screen = device.Device.Screen;
        foreach (var (key, down) in new[] { (ControlLeft, true), (AltLeft, true), (keysym, true), (keysym, false), (AltLeft, false), (ControlLeft, false) })
        {
            screen.Key(key, down);
        }
    }

    /// <summary>Whether the 48 × 48 pixels from (x − 8, y − 8) differ between the two pictures.</summary>
    private static bool Changed(RgbImage before, RgbImage after, int x, int y) =>
        before.Crop(x - 8, y - 8, 48, 48).Differences(after.Crop(x - 8, y - 8, 48, 48)).Count > 0;

    /// <summary>Consent granted, then TigerVNC on an X screen the size of the monitor, through a relay.</summary>
    private static Task<TigerVncSession> ViewAsync(Port5900Device device, TigerVncEncodings encodings)
    {
        device.GrantConsent();
        return TigerVncSession.StartAsync(new System.Net.IPEndPoint(device.Device.Address, Port5900Device.Port), Port5900Device.Password, device.Size, encodings, Token);
    }

    private async Task AssertShowsTheMonitorAsync(TigerVncSession session, Port5900Device device)
    {
        var negotiation = await session.AssertShowsAsync(device.Picture, Token);
        output.WriteLine($"TigerVNC negotiated: {negotiation}");
    }
}
