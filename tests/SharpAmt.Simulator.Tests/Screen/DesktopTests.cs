using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Tests.Support;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Simulator.Tests.Screen;

public sealed class DesktopTests
{
    private static async Task<(SimulatedDevice Device, MonitorViewer Viewer, SteppedClock Clock)> DesktopAsync(int width = 1920, int height = 1080, SimulatedScreenOptions? options = null)
    {
        var clock = new SteppedClock();
        var device = MonitorDevices.Create(options ?? new SimulatedScreenOptions { Width = width, Height = height }, time: clock, initial: CimPowerState.On);
        var viewer = new MonitorViewer(device.Screen);
        await viewer.WaitForModeAsync(ScreenMode.Desktop);
        return (device, viewer, clock);
    }

    private static string ReadClock(MonitorViewer viewer)
    {
        var layout = viewer.Screen.DesktopLayout;
        viewer.Capture();
        return ScreenText.ReadLine(viewer.Pixels, viewer.Size.Width, layout.Clock.X, layout.Clock.Y, DesktopLayout.ClockCharacters, layout.TextScale);
    }

    private static string[] ReadField(MonitorViewer viewer)
    {
        var layout = viewer.Screen.DesktopLayout;
        viewer.Capture();
        return ScreenText.Read(viewer.Pixels, viewer.Size.Width, layout.FieldText.X, layout.FieldText.Y, layout.FieldColumns, DesktopLayout.FieldLines, layout.TextScale);
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(3840, 2160)]
    public async Task TheDesktopHasTheConfiguredSizeAndAClockThatTicks(int width, int height)
    {
        var (_, viewer, clock) = await DesktopAsync(width, height);

        var first = viewer.Capture();
        Assert.Equal(new RfbScreenSize(width, height), viewer.Size);
        Assert.Equal("02:45:32", ReadClock(viewer));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(viewer.Capture() > first);
        Assert.Equal("02:45:33", ReadClock(viewer));
    }

    [Fact]
    public async Task TheAnimatedRegionChangesEveryFrame()
    {
        var region = new ScreenRegion(100, 100, 64, 32);
        var (_, viewer, clock) = await DesktopAsync(options: new SimulatedScreenOptions { AnimationRate = 50, AnimatedRegion = region });

        var before = viewer.Capture();
        var frame = RegionPixels(viewer, region);
        clock.Advance(TimeSpan.FromMilliseconds(20));

        Assert.True(viewer.Capture() > before);
        Assert.NotEqual(frame, RegionPixels(viewer, region));
    }

    [Fact]
    public async Task AWaiterWakesForTheNextAnimationFrame()
    {
        var (_, viewer, clock) = await DesktopAsync(options: new SimulatedScreenOptions { AnimationRate = 60 });
        var version = viewer.Capture();

        var waiting = viewer.Screen.WaitForChangeAsync(version, TestContext.Current.CancellationToken);
        // One frame at 60 Hz is 16.7 ms; timers count whole milliseconds.
        await clock.AdvanceWhenWaitingAsync(TimeSpan.FromMilliseconds(17));
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.True(viewer.Screen.Version > version);
    }

    [Fact]
    public async Task TypedKeysShowInTheField()
    {
        var (device, viewer, _) = await DesktopAsync();

        viewer.Type("hello");
        viewer.Press(MonitorViewer.Return);
        viewer.Type("world");
        viewer.Press(MonitorViewer.BackSpace);

        Assert.Equal(["hello", "worl", "", "", "", "", "", ""], ReadField(viewer));
        Assert.Equal("hello\nworl", device.Screen.TypedText);
    }

    [Fact]
    public async Task ThePointerIsDrawnWhereTheMouseIs()
    {
        var (_, viewer, _) = await DesktopAsync();
        var before = viewer.Capture();

        viewer.Screen.Pointer(300, 700, RfbPointerButtons.None);

        Assert.True(viewer.Capture() > before);
        Assert.Equal(PointerShape.Outline, viewer.Pixel(300, 700));
        Assert.Equal(PointerShape.Body, viewer.Pixel(301, 702));
        viewer.Screen.Pointer(900, 100, RfbPointerButtons.Left);
        viewer.Capture();
        Assert.NotEqual(PointerShape.Body, viewer.Pixel(301, 702));
        Assert.Equal(PointerShape.Body, viewer.Pixel(901, 102));
    }

    [Fact]
    public async Task ThePointerStaysOnTheScreen()
    {
        var (_, viewer, _) = await DesktopAsync();

        viewer.Screen.Pointer(5000, 5000, RfbPointerButtons.None);
        viewer.Capture();

        Assert.Equal(PointerShape.Outline, viewer.Pixel(1919, 1079));
    }

    [Fact]
    public void ResolutionsOutsideTheRangeAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedScreenOptions { Width = 7680, Height = 4320 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedScreenOptions { AnimatedRegion = new ScreenRegion(1900, 0, 100, 100) }.Validate());
        Assert.True(SimulatedScreenOptions.TryParseResolution("3840x2160", out var width, out var height));
        Assert.Equal((3840, 2160), (width, height));
        Assert.False(SimulatedScreenOptions.TryParseResolution("big", out _, out _));
    }

    private static uint[] RegionPixels(MonitorViewer viewer, ScreenRegion region)
    {
        var pixels = new List<uint>();
        for (var y = region.Y; y < region.Y + region.Height; y++)
        {
            pixels.AddRange(viewer.Pixels.AsSpan(y * viewer.Size.Width + region.X, region.Width).ToArray());
        }

        return [.. pixels];
    }
}
