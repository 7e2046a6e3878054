using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Tests.Support;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Simulator.Tests.Screen;

/// <summary>A thousand devices share one process: a screen nobody watches must cost no timer and no frame buffer.</summary>
public sealed class UnwatchedScreenTests
{
    [Fact]
    public async Task NobodyWatchingMeansNoTimerAndNoNewVersions()
    {
        var clock = new SteppedClock();
        var device = MonitorDevices.Create(time: clock, initial: CimPowerState.On);
        var viewer = new MonitorViewer(device.Screen);
        await viewer.WaitForModeAsync(ScreenMode.Desktop);
        var version = device.Screen.Version;

        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(0, clock.PendingTimers);
        Assert.Equal(version, device.Screen.Version);
    }

    [Fact]
    public async Task AWaiterHoldsATimerOnlyWhileItWaits()
    {
        var clock = new SteppedClock();
        var device = MonitorDevices.Create(time: clock, initial: CimPowerState.On);
        var viewer = new MonitorViewer(device.Screen);
        await viewer.WaitForModeAsync(ScreenMode.Desktop);
        var version = viewer.Capture();

        var waiting = device.Screen.WaitForChangeAsync(version, TestContext.Current.CancellationToken);
        Assert.Equal(1, clock.PendingTimers);
        viewer.Type("x");
        await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public async Task CopyingA4kPictureAllocatesNoFrameBuffer()
    {
        var device = MonitorDevices.Create(new SimulatedScreenOptions { Width = 3840, Height = 2160 }, initial: CimPowerState.On);
        var viewer = new MonitorViewer(device.Screen);
        await viewer.WaitForModeAsync(ScreenMode.Desktop);
        var pixels = new uint[3840 * 2160];
        device.Screen.CopyTo(pixels, out _);

        var before = GC.GetAllocatedBytesForCurrentThread();
        device.Screen.CopyTo(pixels, out var size);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(new(3840, 2160), size);
        Assert.True(allocated < 64 * 1024, $"a copy allocated {allocated} bytes");
    }

    [Fact]
    public async Task ADestinationTooSmallGetsOnlyTheSize()
    {
        var device = MonitorDevices.Create(initial: CimPowerState.On);
        await new MonitorViewer(device.Screen).WaitForModeAsync(ScreenMode.Desktop);
        var small = new uint[16];

        device.Screen.CopyTo(small, out var size);

        Assert.Equal(new(1920, 1080), size);
        Assert.All(small, pixel => Assert.Equal(0u, pixel));
    }
}
