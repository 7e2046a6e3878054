using System.Net;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Tests.Support;
using SharpAmt.WsMan.Amt;
using Xunit;
using static SharpAmt.Tests.Support.DisplayPictures;

namespace SharpAmt.Simulator.Tests.Screen;

/// <summary>
/// A machine with more than one display: the others extend the desktop, stay black in text mode, carry the pointer
/// when it is on them, and KVM follows DefaultScreen. Devices here do not listen; their addresses are 127.0.219.101–160.
/// </summary>
public sealed class ExtendedDisplayTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly SimulatedScreenOptions TwoDisplays = SimulatedScreenOptions.Default with { Displays = 2, AnimationRate = 0 };
    private static int _next;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        return index <= 60 ? new IPAddress(new byte[] { 127, 0, 219, (byte)(100 + index) }) : throw new InvalidOperationException("out of 127.0.219.101-160");
    }

    private static async Task<SimulatedDevice> OnTheDesktopAsync(SimulatedScreenOptions? screen = null, TimeProvider? time = null)
    {
        var device = MonitorDevices.Create(screen ?? TwoDisplays, time: time, initial: CimPowerState.On, address: NextAddress());
        await new MonitorViewer(device.Screen).WaitForModeAsync(ScreenMode.Desktop);
        return device;
    }

    private static void SelectDisplay(SimulatedDevice device, int display)
    {
        lock (device.Sync)
        {
            device.Kvm.DefaultScreen = display;
        }
    }

    [Fact]
    public async Task The_second_display_extends_the_desktop_at_its_own_resolution()
    {
        var device = await OnTheDesktopAsync();
        var second = device.Screen.Display(1);

        var pixels = Copy(second, out var size);

        Assert.Equal(new RfbScreenSize(1280, 1024), size);
        Assert.Equal(ScreenMode.Desktop, second.Mode);
        var title = second.Layout.Title;
        Assert.Equal("Display 2", ScreenText.ReadLine(pixels, size.Width, title.X, title.Y, 9, second.Layout.TextScale));
        Assert.Equal([new DisplayGeometry(0, 1920, 1080, 0, 0), new DisplayGeometry(1, 1280, 1024, 1920, 0)], device.Screen.Geometry);
    }

    [Fact]
    public async Task Text_mode_is_on_the_first_display_and_the_others_stay_black()
    {
        var device = MonitorDevices.Create(MonitorDevices.TextOnly with { Displays = 2 }, initial: CimPowerState.On, address: NextAddress());
        await new MonitorViewer(device.Screen).WaitForTextAsync("lab7 login:");
        var second = device.Screen.Display(1);

        var pixels = Copy(second, out var size);

        Assert.Equal(new RfbScreenSize(1280, 1024), size);
        Assert.Equal(ScreenMode.NoSignal, second.Mode);
        Assert.All(pixels, pixel => Assert.Equal(0u, pixel));
    }

    [Fact]
    public async Task The_pointer_is_drawn_only_on_the_display_it_is_on()
    {
        var device = await OnTheDesktopAsync();
        var first = device.Screen.Display(0);
        var second = device.Screen.Display(1);
        // The pointer starts in the middle of the first display; its tip is outline black there.
        Assert.Equal(PointerShape.Outline, Copy(first, out _)[540 * 1920 + 960]);
        var before = second.Version;

        second.Pointer(100, 200, RfbPointerButtons.None);

        Assert.NotEqual(before, second.Version);
        Assert.Equal(PointerShape.Outline, Copy(second, out _)[200 * 1280 + 100]);
        Assert.NotEqual(PointerShape.Outline, Copy(first, out _)[540 * 1920 + 960]);

        first.Pointer(10, 500, RfbPointerButtons.None);

        Assert.Equal(PointerShape.Outline, Copy(first, out _)[500 * 1920 + 10]);
        Assert.NotEqual(PointerShape.Outline, Copy(second, out _)[200 * 1280 + 100]);
    }

    [Fact]
    public async Task Kvm_follows_the_default_screen_and_shows_the_first_display_for_one_not_connected()
    {
        var device = await OnTheDesktopAsync();
        var kvm = device.Screen.Kvm;
        var version = kvm.Version;
        var waiting = kvm.WaitForChangeAsync(version, Token);

        SelectDisplay(device, 1);

        await waiting.WaitAsync(Patience, Token);
        Assert.Equal(1, kvm.Index);
        Assert.Equal(new RfbScreenSize(1280, 1024), kvm.Size);
        Assert.Equal(Copy(device.Screen.Display(1), out _), Copy(kvm, out _));

        SelectDisplay(device, 2);

        Assert.Equal(0, kvm.Index);
        Assert.Equal(new RfbScreenSize(1920, 1080), kvm.Size);
    }

    [Fact]
    public async Task Nobody_watching_the_second_display_needs_a_timer()
    {
        var clock = new SteppedClock();
        var device = await OnTheDesktopAsync(TwoDisplays with { AnimationRate = 30 }, clock);
        var second = device.Screen.Display(1);

        var waiting = second.WaitForChangeAsync(second.Version, Token);

        Assert.Equal(0, clock.PendingTimers);
        second.Pointer(5, 5, RfbPointerButtons.None);
        await waiting.WaitAsync(Patience, Token);
    }

    [Fact]
    public void Three_displays_need_amt10_and_four_are_never_possible()
    {
        var three = SimulatedScreenOptions.Default with { Displays = 3 };

        var amt8 = Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedDevice(new SimulatedDeviceOptions { Address = NextAddress(), Firmware = FirmwareProfiles.Amt8, Screen = three }));
        var device = new SimulatedDevice(new SimulatedDeviceOptions { Address = NextAddress(), Firmware = FirmwareProfiles.Amt12, Screen = three });
        Assert.Throws<ArgumentOutOfRangeException>(() => (SimulatedScreenOptions.Default with { Displays = 4 }).Validate());

        Assert.Contains("AMT 10", amt8.Message, StringComparison.Ordinal);
        Assert.Equal(3, device.Screen.DisplayCount);
        Assert.Equal(3200, device.Screen.Geometry[2].X);
    }
}
