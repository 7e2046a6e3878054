using SharpAmt.Simulator.Host.Screen;
using SharpAmt.WsMan.Amt;
using Xunit;
using static SharpAmt.Simulator.Tests.SerialConsole.ConsoleDevices;

namespace SharpAmt.Simulator.Tests.Screen;

public sealed class MonitorPowerTests
{
    [Fact]
    public async Task PowerOffLeavesABlackPictureOfTheSameSize()
    {
        var device = MonitorDevices.Create(initial: CimPowerState.On);
        var viewer = new MonitorViewer(device.Screen);
        await viewer.WaitForModeAsync(ScreenMode.Desktop);
        var on = viewer.Capture();

        Request(device, CimPowerState.Off);

        Assert.True(viewer.Capture() > on);
        Assert.Equal(ScreenMode.NoSignal, device.Screen.Mode);
        Assert.Equal(new(1920, 1080), viewer.Size);
        Assert.All(viewer.Pixels, pixel => Assert.Equal(0u, pixel));
    }

    [Fact]
    public async Task AResetGoesBackToTextMode()
    {
        var device = MonitorDevices.Create(console: Unpaced with { GrubTimeout = TimeSpan.FromSeconds(30) }, initial: CimPowerState.On);
        var viewer = new MonitorViewer(device.Screen);
        await viewer.WaitForModeAsync(ScreenMode.Desktop);
        viewer.Type("typed before the reset");

        Request(device, CimPowerState.Reset);

        Assert.Equal(ScreenMode.Text, device.Screen.Mode);
        Assert.Equal(SimulatedScreen.TextModeSize, device.Screen.Size);
        await viewer.WaitForTextAsync("GNU GRUB");
        viewer.Press(MonitorViewer.Return);
        await viewer.WaitForModeAsync(ScreenMode.Desktop);
        Assert.Equal("", device.Screen.TypedText);
    }

    [Fact]
    public void AHostThatStartsOffShowsNoSignal()
    {
        var device = MonitorDevices.Create();
        var viewer = new MonitorViewer(device.Screen);

        viewer.Capture();

        Assert.Equal(ScreenMode.NoSignal, device.Screen.Mode);
        Assert.All(viewer.Pixels, pixel => Assert.Equal(0u, pixel));
    }
}
