using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Gateway;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Gateway;

/// <summary>
/// The KVM gateway end to end: a simulated device's monitor reaches standard viewers through it exactly, their keys
/// and pointer reach the device, and they stay connected across a host reset and across the device dropping KVM.
/// </summary>
public sealed class KvmGatewayTests
{
    private static CancellationToken Token => GatewayRig.Token;

    [Fact]
    public async Task A_viewer_sees_the_desktop_exactly_and_types_onto_it()
    {
        await using var rig = await GatewayRig.StartAsync();
        var viewer = await rig.ConnectViewerAsync();

        Assert.Equal(new RfbScreenSize(1920, 1080), viewer.Size);
        Assert.Equal(RfbPixelFormat.Rgb565, rig.Screen.Session!.Format);
        await rig.AssertViewerShowsTheMonitorAsync(viewer);

        await viewer.TypeTextAsync("typed through the gateway", Token);
        await GatewayRig.EventuallyAsync(() => rig.Device.Screen.TypedText.Contains("typed through the gateway", StringComparison.Ordinal), "the typed text never reached the desktop");
        await rig.AssertViewerShowsTheMonitorAsync(viewer);
    }

    [Fact]
    public async Task A_pointer_move_moves_the_device_pointer()
    {
        await using var rig = await GatewayRig.StartAsync();
        var viewer = await rig.ConnectViewerAsync();
        const int x = 300, y = 700;
        var before = viewer.Snapshot().Pixels[(y * 1920) + x];

        await viewer.SendPointerAsync(x, y, RfbPointerButtons.None, Token);

        // The pointer's tip is its black outline: the device draws it where the viewer pointed, and the viewer sees it.
        await GatewayRig.EventuallyAsync(() => viewer.Snapshot().Pixels[(y * 1920) + x] == 0x000000, "the pointer never showed where the viewer moved it");
        Assert.NotEqual(0x000000u, before);
        await rig.AssertViewerShowsTheMonitorAsync(viewer);
    }

    [Fact]
    public async Task Two_viewers_share_the_one_device_session()
    {
        await using var rig = await GatewayRig.StartAsync();
        var first = await rig.ConnectViewerAsync();
        var second = await rig.ConnectViewerAsync();

        await second.TypeTextAsync("second", Token);
        await GatewayRig.EventuallyAsync(() => rig.Device.Screen.TypedText.Contains("second", StringComparison.Ordinal), "the second viewer's keys never arrived");
        await rig.AssertViewerShowsTheMonitorAsync(first);
        await rig.AssertViewerShowsTheMonitorAsync(second);
        Assert.Equal(2, rig.Gateway.ViewerCount);
    }

    [Fact]
    public async Task A_host_reset_keeps_the_viewer_and_shows_the_new_boot_in_text_mode()
    {
        await using var rig = await GatewayRig.StartAsync();
        var viewer = await rig.ConnectViewerAsync();
        await rig.AssertViewerShowsTheMonitorAsync(viewer);

        Assert.Equal(0u, rig.Device.Host.RequestPowerChange((int)CimPowerState.Reset));

        // The new boot starts in text mode: the viewer gets DesktopSize and the 720 × 400 text screen, connected throughout.
        await GatewayRig.EventuallyAsync(() => viewer.Size == SimulatedScreen.TextModeSize || rig.Device.Screen.Mode == ScreenMode.Desktop, "the viewer never saw the reboot");
        await rig.BootToDesktopAsync();
        await rig.AssertViewerShowsTheMonitorAsync(viewer);
        Assert.False(viewer.Completion.IsCompleted);
    }

    [Fact]
    public async Task A_viewer_sees_text_mode_and_its_keys_reach_the_console()
    {
        await using var rig = await GatewayRig.StartAsync(SimulatedScreenOptions.Default with { GraphicalDesktop = false, AnimationRate = 0 }, desktop: false);
        var viewer = await rig.ConnectViewerAsync();
        await GatewayRig.EventuallyAsync(() => TextOf(viewer).Any(line => line.Contains("login:", StringComparison.Ordinal)), "the tty1 login never showed");

        await viewer.TypeTextAsync("root", Token);

        await GatewayRig.EventuallyAsync(() => TextOf(viewer).Any(line => line.Contains("login: root", StringComparison.Ordinal)), "the typed name never showed on tty1");
        await rig.AssertViewerShowsTheMonitorAsync(viewer);
    }

    [Fact]
    public async Task A_dropped_device_session_is_reopened_while_the_viewer_stays()
    {
        await using var rig = await GatewayRig.StartAsync();
        var viewer = await rig.ConnectViewerAsync();
        await rig.AssertViewerShowsTheMonitorAsync(viewer);

        rig.Device.SimulateManagementEngineReset(TimeSpan.FromSeconds(1));

        await GatewayRig.EventuallyAsync(() => rig.EventKinds().Contains(KvmGatewayEventKind.Reconnected), "the gateway never reconnected");
        Assert.Equal(KvmGatewayEventKind.Lost, rig.EventKinds()[0]);
        Assert.Equal(1, rig.Screen.Reconnects);
        Assert.False(viewer.Completion.IsCompleted);

        await viewer.TypeTextAsync("after the reset", Token);
        await GatewayRig.EventuallyAsync(() => rig.Device.Screen.TypedText.Contains("after the reset", StringComparison.Ordinal), "keys after the reconnection never arrived");
        await rig.AssertViewerShowsTheMonitorAsync(viewer);
    }

    [Fact]
    public async Task When_reconnecting_fails_for_too_long_viewers_are_disconnected()
    {
        var policy = KvmReconnectPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(200), GiveUpAfter = TimeSpan.FromSeconds(1.5) };
        await using var rig = await GatewayRig.StartAsync(policy: policy);
        var viewer = await rig.ConnectViewerAsync();
        var version = viewer.Version;

        rig.Device.Redirection.KvmEnabled = false;
        rig.Device.SimulateManagementEngineReset(TimeSpan.Zero);

        var failure = await Assert.ThrowsAsync<KvmDisconnectedException>(async () =>
        {
            for (var i = 0; i < 1000; i++)
            {
                await viewer.WaitForChangeAsync(version, Token);
                version = viewer.Version;
            }
        });
        Assert.Equal(KvmDisconnectReason.ClosedByDevice, failure.Reason);
        await Assert.ThrowsAsync<KvmGatewayClosedException>(() => rig.Screen.Completion);
        lock (rig.Events)
        {
            Assert.Equal(KvmGatewayEventKind.GaveUp, rig.Events[^1].Kind);
            Assert.Contains(rig.Events, gatewayEvent => gatewayEvent.Kind == KvmGatewayEventKind.AttemptFailed);
        }
    }

    [Fact]
    public async Task A_vnc_password_admits_only_viewers_that_know_it()
    {
        await using var rig = await GatewayRig.StartAsync(vncPassword: "gate!pw1");

        await Assert.ThrowsAnyAsync<Exception>(() => rig.ConnectViewerAsync("wrong!pw"));
        var viewer = await rig.ConnectViewerAsync("gate!pw1");
        await rig.AssertViewerShowsTheMonitorAsync(viewer);
    }

    private static string[] TextOf(KvmSession viewer)
    {
        var snapshot = viewer.Snapshot();
        return snapshot.Size == SimulatedScreen.TextModeSize ? ScreenText.ReadTextMode(snapshot.Pixels, snapshot.Size) : [];
    }
}
