using System.Net;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Session;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Tests.Support;
using SharpAmt.Transport;
using SharpAmt.WsMan.Amt;
using Xunit;
using static SharpAmt.Simulator.Tests.Kvm.KvmTestDevices;

namespace SharpAmt.Simulator.Tests.Kvm;

/// <summary>
/// The simulated device's KVM over real TCP on loopback: its monitor behind the redirection port (KVMR) and port
/// 5900, with the switches, the consent policy and the one-session rule that gate it. Addresses 127.0.170.x.
/// </summary>
public sealed class SimulatedKvmTests
{
    private static int _next;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        return index < 255 ? new IPAddress(new byte[] { 127, 0, 170, (byte)index }) : throw new InvalidOperationException("out of 127.0.170.x addresses");
    }

    private static async Task<SimulatedDevice> StartAsync(FirmwareProfile? firmware = null, SimulatedScreenOptions? screen = null, bool grantConsent = true)
    {
        var device = await KvmTestDevices.StartAsync(NextAddress(), firmware, screen);
        if (grantConsent)
        {
            Grant(device);
        }

        return device;
    }

    private static void Grant(SimulatedDevice device)
    {
        Assert.Equal(0u, device.Consent.Start());
        Assert.Equal(0u, device.Consent.SendCode(device.Consent.DisplayedCode!));
    }

    /// <summary>The session's decoded picture equals the monitor's, quantised to the session's pixel format.</summary>
    private static Task AssertShowsTheMonitorAsync(KvmSession session, SimulatedScreen screen) =>
        KvmPictureMatch.WaitForAsync(screen, session.Snapshot, () => session.Format, "the KVM picture and the monitor", Patience, Token);

    [Fact]
    public async Task Kvm_shows_the_text_mode_monitor_exactly_in_rgb565()
    {
        await using var device = await StartAsync(screen: SimulatedScreenOptions.Default with { GraphicalDesktop = false, AnimationRate = 0 });
        await EventuallyAsync(() => device.Screen.Mode == ScreenMode.Text, "the monitor never showed text mode");

        await using var session = await KvmSession.OpenAsync(Client(device), cancellationToken: Token);

        Assert.Equal(RfbPixelFormat.Rgb565, session.Format);
        await AssertShowsTheMonitorAsync(session, device.Screen);
        Assert.Equal(SimulatedScreen.TextModeSize, session.Size);
    }

    [Fact]
    public async Task The_1080p_desktop_arrives_in_rgb565_and_typed_keys_show_on_it()
    {
        await using var device = await StartAsync();
        await BootToDesktopAsync(device);

        await using var session = await KvmSession.OpenAsync(Client(device), cancellationToken: Token);
        await AssertShowsTheMonitorAsync(session, device.Screen);
        await session.TypeTextAsync("typed over kvm", Token);

        await EventuallyAsync(() => device.Screen.TypedText.Contains("typed over kvm", StringComparison.Ordinal), "the typed text never reached the desktop");
        Assert.Equal(new RfbScreenSize(1920, 1080), session.Size);
    }

    [Fact]
    public async Task The_4k_desktop_is_served_in_8_bit_colour_chosen_by_the_client()
    {
        await using var device = await StartAsync(screen: SimulatedScreenOptions.Default with { Width = 3840, Height = 2160, AnimationRate = 0 });
        await BootToDesktopAsync(device);

        await using var session = await KvmSession.OpenAsync(Client(device), cancellationToken: Token);

        Assert.Equal(RfbPixelFormat.Rgb332, session.Format);
        await AssertShowsTheMonitorAsync(session, device.Screen);
    }

    [Fact]
    public async Task Sixteen_bit_colour_at_4k_exceeds_the_frame_buffer_cap_and_the_device_hangs_up()
    {
        await using var device = await StartAsync(screen: SimulatedScreenOptions.Default with { Width = 3840, Height = 2160, AnimationRate = 0 });
        await BootToDesktopAsync(device);

        var failure = await Assert.ThrowsAsync<KvmDisconnectedException>(async () =>
        {
            await using var session = await KvmSession.OpenAsync(Client(device), new KvmSessionOptions { Format = RfbPixelFormat.Rgb565 }, Token);
            await session.Completion.WaitAsync(Patience, Token);
        });

        Assert.Equal(KvmDisconnectReason.FrameBufferCap, failure.Reason);
    }

    [Fact]
    public async Task Without_consent_the_start_is_refused_and_a_granted_code_admits_one_session()
    {
        await using var device = await StartAsync(grantConsent: false);
        Assert.NotEqual(OptIn.RequiredNone, device.Consent.Required);

        var refused = await Assert.ThrowsAsync<KvmDisconnectedException>(() => KvmSession.OpenAsync(Client(device), cancellationToken: Token));
        Assert.Equal(KvmDisconnectReason.RefusedAtStart, refused.Reason);

        Grant(device);
        await using (var session = await KvmSession.OpenAsync(Client(device), cancellationToken: Token))
        {
            Assert.Equal(OptInState.InSession, device.Consent.State);
        }

        await EventuallyAsync(() => device.Consent.State == OptInState.NotStarted, "the consent stayed in use after the session ended");
        var again = await Assert.ThrowsAsync<KvmDisconnectedException>(() => KvmSession.OpenAsync(Client(device), cancellationToken: Token));
        Assert.Equal(KvmDisconnectReason.RefusedAtStart, again.Reason);
    }

    [Fact]
    public async Task Kvm_switched_off_is_unsupported_and_a_second_session_is_busy()
    {
        await using var device = await StartAsync();
        await using (var first = await KvmSession.OpenAsync(Client(device), cancellationToken: Token))
        {
            var busy = await Assert.ThrowsAsync<RedirectionRefusedException>(() => KvmSession.OpenAsync(Client(device), cancellationToken: Token));
            Assert.True(busy.IsBusy);
        }

        device.Redirection.KvmEnabled = false;
        var disabled = await Assert.ThrowsAsync<RedirectionRefusedException>(() => KvmSession.OpenAsync(Client(device), cancellationToken: Token));
        Assert.Equal(SharpAmt.Redirection.Wire.RedirectionStatus.Unsupported, disabled.Status);
    }

    [Fact]
    public async Task Port_5900_serves_the_monitor_with_the_rfb_password_only_while_enabled()
    {
        const string password = "Rfb!pw12";
        await using var device = await StartAsync();
        Assert.Contains(5900, device.Ports);

        await Assert.ThrowsAnyAsync<Exception>(() => Open5900Async(device, password));

        device.Kvm.RfbPassword = password;
        device.Kvm.Is5900PortEnabled = true;
        await using (var session = await Open5900Async(device, password))
        {
            await AssertShowsTheMonitorAsync(session, device.Screen);
        }

        // Port 5900 runs under the consent policy too (AMT's 5900 set-up turns the policy off): each session uses up its grant.
        await EventuallyAsync(() => device.Consent.State == OptInState.NotStarted, "the 5900 session never ended");
        Grant(device);
        await Assert.ThrowsAsync<AmtAuthenticationException>(() => Open5900Async(device, "Wrong!12"));
    }

    [Fact]
    public async Task Tls_only_firmware_has_no_port_5900()
    {
        await using var device = await StartAsync(FirmwareProfiles.Find("16.1")!);

        Assert.DoesNotContain(5900, device.Ports);
    }
}
