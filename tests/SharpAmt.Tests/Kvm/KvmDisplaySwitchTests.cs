using System.Diagnostics;
using System.Net;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Session;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Tests.Support;
using SharpAmt.Transport;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Tests.Kvm;

/// <summary>
/// Switching displays as consoles do it: a KVM session stays open while <see cref="AmtDevice.SetKvmSettingsAsync"/>
/// Puts DefaultScreen, and the session follows with the new display's size and picture, over real TCP on loopback.
/// Addresses 127.0.219.1–60 only.
/// </summary>
public sealed class KvmDisplaySwitchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static readonly RfbScreenSize Desktop = new(1920, 1080);
    private static readonly RfbScreenSize Second = new(1280, 1024);
    private static int _next;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<SimulatedDevice> StartAsync(int displays = 2, bool desktop = true, FirmwareProfile? firmware = null)
    {
        var index = Interlocked.Increment(ref _next);
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = index <= 60 ? new IPAddress(new byte[] { 127, 0, 219, (byte)index }) : throw new InvalidOperationException("out of 127.0.219.1-60"),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
            Console = HostConsoleOptions.Default with { LinePace = TimeSpan.Zero, GrubTimeout = TimeSpan.Zero },
            Screen = SimulatedScreenOptions.Default with { Displays = displays, GraphicalDesktop = desktop, AnimationRate = 0 },
        });
        device.Redirection.ListenerEnabled = true;
        lock (device.Sync)
        {
            // Consent has tests of its own; here it would only stand between the session and the displays.
            device.Consent.Required = OptIn.RequiredNone;
        }

        await device.StartAsync(Token);
        return device;
    }

    private static Task<KvmSession> OpenAsync(SimulatedDevice device) => KvmSession.OpenAsync(new RedirectionClientOptions
    {
        Host = device.Address.ToString(),
        Credentials = new AmtCredentials(device.Options.User, device.Options.Password),
        ReplyTimeout = TimeSpan.FromSeconds(10),
    }, cancellationToken: Token);

    private static Task<KvmSettings> SelectAsync(AmtDevice device, int display) =>
        device.SetKvmSettingsAsync(new KvmSettingsChange { DefaultScreen = display }, Token);

    /// <summary>The session's picture equals the simulator's own rendering of <paramref name="display"/>.</summary>
    private static Task AssertShowsAsync(KvmSession session, DisplayOutput display) =>
        KvmPictureMatch.WaitForAsync(display, session.Snapshot, () => session.Format, $"the KVM picture and display {display.Index}", Patience, Token);

    private static async Task EventuallyAsync(Func<bool> condition, string failure)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(elapsed.Elapsed < Patience, failure);
            await Task.Delay(20, Token);
        }
    }

    private static string ConsentLine(KvmSnapshot snapshot, DesktopLayout layout) =>
        ScreenText.ReadLine(snapshot.Pixels, snapshot.Size.Width, layout.Consent.X, layout.Consent.Y, DesktopLayout.ConsentColumns, layout.ConsentScale);

    [Fact]
    public async Task A_put_of_default_screen_switches_the_open_session_to_the_second_display_and_back()
    {
        await using var simulated = await StartAsync();
        await EventuallyAsync(() => simulated.Screen.Mode == ScreenMode.Desktop, "the monitor never showed the desktop");
        await using var device = KvmTestDevices.Connect(simulated);
        await using var session = await OpenAsync(simulated);
        await AssertShowsAsync(session, simulated.Screen.Display(0));
        Assert.Equal(Desktop, session.Size);

        var second = await SelectAsync(device, 1);

        await AssertShowsAsync(session, simulated.Screen.Display(1));
        Assert.Equal(Second, session.Size);
        Assert.Equal(1, second.DefaultScreen);
        Assert.Equal([0, 1], second.ActiveDisplays?.Numbers);

        await SelectAsync(device, 0);

        await AssertShowsAsync(session, simulated.Screen.Display(0));
        Assert.Equal(Desktop, session.Size);
        Assert.False(session.Completion.IsCompleted);
    }

    [Fact]
    public async Task The_consent_code_follows_the_consent_display_while_kvm_stays_on_its_own()
    {
        await using var simulated = await StartAsync();
        await EventuallyAsync(() => simulated.Screen.Mode == ScreenMode.Desktop, "the monitor never showed the desktop");
        await using var device = KvmTestDevices.Connect(simulated);
        await using var session = await OpenAsync(simulated);
        await SelectAsync(device, 1);
        await EventuallyAsync(() => session.Size == Second, "the session never switched to the second display");
        var secondLayout = simulated.Screen.Display(1).Layout;

        await device.StartConsentAsync(Token);
        var code = $"USER CONSENT CODE: {simulated.Consent.DisplayedCode}";
        await device.SetConsentDisplayAsync(1, Token);

        await EventuallyAsync(() => ConsentLine(session.Snapshot(), secondLayout) == code, "the code never showed on the second display");
        await device.SetConsentDisplayAsync(0, Token);
        await EventuallyAsync(() => ConsentLine(session.Snapshot(), secondLayout) != code, "the code never left the second display");
        Assert.Equal(code, DisplayPictures.ConsentLine(simulated.Screen.Display(0)));
        Assert.Equal(Second, session.Size);
        Assert.Equal(1, (await device.GetKvmSettingsAsync(Token)).DefaultScreen);
    }

    [Fact]
    public async Task In_text_mode_the_second_display_is_black()
    {
        await using var simulated = await StartAsync(desktop: false);
        await EventuallyAsync(() => simulated.Screen.Mode == ScreenMode.Text, "the monitor never showed text mode");
        await using var device = KvmTestDevices.Connect(simulated);
        await using var session = await OpenAsync(simulated);

        await SelectAsync(device, 1);

        await EventuallyAsync(() => session.Size == Second, "the session never switched to the second display");
        await AssertShowsAsync(session, simulated.Screen.Display(1));
        Assert.All(session.Snapshot().Pixels, pixel => Assert.Equal(0u, pixel));
        Assert.Equal(ScreenMode.Text, simulated.Screen.Display(0).Mode);
    }

    [Fact]
    public async Task A_display_that_is_not_connected_is_stored_and_kvm_keeps_the_first()
    {
        await using var simulated = await StartAsync(displays: 1);
        await EventuallyAsync(() => simulated.Screen.Mode == ScreenMode.Desktop, "the monitor never showed the desktop");
        await using var device = KvmTestDevices.Connect(simulated);
        await using var session = await OpenAsync(simulated);

        var settings = await SelectAsync(device, 2);

        Assert.Equal(2, settings.DefaultScreen);
        Assert.Equal([0], settings.ActiveDisplays?.Numbers);
        Assert.False(settings.ActiveDisplays?.Contains(2));
        await AssertShowsAsync(session, simulated.Screen.Display(0));
        Assert.Equal(Desktop, session.Size);
    }

    [Fact]
    public async Task Firmware_before_amt8_reports_no_displays()
    {
        await using var simulated = await StartAsync(firmware: FirmwareProfiles.Amt6);
        await using var device = KvmTestDevices.Connect(simulated);

        var settings = await device.GetKvmSettingsAsync(Token);

        Assert.Null(settings.ActiveDisplays);
    }
}
