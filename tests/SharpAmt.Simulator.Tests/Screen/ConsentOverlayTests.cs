using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Tests.Support;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Simulator.Tests.Screen;

public sealed class ConsentOverlayTests
{
    private static string StartConsent(SimulatedDevice device)
    {
        lock (device.Sync)
        {
            Assert.Equal(0u, device.Consent.Start());
            return device.Consent.DisplayedCode!;
        }
    }

    [Fact]
    public async Task TheCodeIsDrawnOverTextMode()
    {
        var device = MonitorDevices.Create(MonitorDevices.TextOnly);
        var viewer = new MonitorViewer(device.Screen);
        WsManPower(device);
        await viewer.WaitForTextAsync("lab7 login:");

        var code = StartConsent(device);

        var rows = await viewer.WaitForTextAsync($"USER CONSENT CODE: {code}");
        Assert.Contains(rows, row => row.Contains("Intel(R) Active Management Technology", StringComparison.Ordinal));
        lock (device.Sync)
        {
            device.Consent.Cancel();
        }

        Assert.DoesNotContain(viewer.ReadText(), row => row.Contains("CONSENT", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCodeIsDrawnOverTheDesktop()
    {
        var device = MonitorDevices.Create(initial: CimPowerState.On);
        var viewer = new MonitorViewer(device.Screen);
        await viewer.WaitForModeAsync(ScreenMode.Desktop);

        var code = StartConsent(device);
        viewer.Capture();

        var layout = device.Screen.DesktopLayout;
        var line = ScreenText.ReadLine(viewer.Pixels, viewer.Size.Width, layout.Consent.X, layout.Consent.Y, DesktopLayout.ConsentColumns, layout.ConsentScale);
        Assert.Equal($"USER CONSENT CODE: {code}", line);
    }

    [Fact]
    public async Task AWaitingViewerSeesTheCodeAppear()
    {
        var device = MonitorDevices.Create(initial: CimPowerState.On);
        var viewer = new MonitorViewer(device.Screen);
        await viewer.WaitForModeAsync(ScreenMode.Desktop);
        var version = viewer.Capture();
        var waiting = device.Screen.WaitForChangeAsync(version, TestContext.Current.CancellationToken);

        StartConsent(device);

        await waiting.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.True(device.Screen.Version > version);
    }

    [Fact]
    public async Task InTextModeTheCodeComesAndGoesAtOnceWithNoTimerPolling()
    {
        var clock = new SteppedClock();
        var device = MonitorDevices.Create(MonitorDevices.TextOnly, time: clock, initial: CimPowerState.On, address: Consent.ConsentDevices.NextAddress());
        var viewer = new MonitorViewer(device.Screen);
        await viewer.WaitForTextAsync("lab7 login:");
        var timers = clock.PendingTimers;

        var appearing = device.Screen.WaitForChangeAsync(viewer.Capture(), TestContext.Current.CancellationToken);
        Assert.Equal(timers, clock.PendingTimers);
        var code = StartConsent(device);
        await appearing.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        Assert.Contains(viewer.ReadText(), row => row.Contains($"USER CONSENT CODE: {code}", StringComparison.Ordinal));

        var going = device.Screen.WaitForChangeAsync(viewer.Capture(), TestContext.Current.CancellationToken);
        clock.Advance(device.Consent.CodeTimeout);
        await going.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Null(device.Consent.DisplayedCode);
        Assert.DoesNotContain(viewer.ReadText(), row => row.Contains("CONSENT", StringComparison.Ordinal));
    }

    private static void WsManPower(SimulatedDevice device) => SerialConsole.ConsoleDevices.PowerOn(device);
}
