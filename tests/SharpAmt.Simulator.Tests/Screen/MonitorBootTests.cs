using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Tests.SerialConsole;
using SharpAmt.Tests.Support;
using Xunit;
using static SharpAmt.Simulator.Tests.SerialConsole.ConsoleDevices;

namespace SharpAmt.Simulator.Tests.Screen;

public sealed class MonitorBootTests
{
    [Fact]
    public async Task PostShowsOnTheMonitorEvenWithoutSol()
    {
        var clock = new SteppedClock();
        var device = MonitorDevices.Create(MonitorDevices.TextOnly, Unpaced with { LinePace = TimeSpan.FromSeconds(1) }, clock);
        var viewer = new MonitorViewer(device.Screen);
        using var terminal = new SerialTerminal(device.SerialPort);
        PowerOn(device);

        // Nine paced lines; the tenth (blank) waits, so GRUB has not cleared the screen yet.
        for (var line = 0; line < 9; line++)
        {
            await clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        }

        var post = await viewer.WaitForTextAsync("Press <DEL> or <F2> to enter setup.");
        Assert.Equal("Version 2.22.1287. Copyright (C) 2024 American Megatrends, Inc.", post[0]);
        Assert.Contains("Total Memory: 16384 MB (DDR4 2666)", post);
        Assert.Contains($"Intel(R) Active Management Technology - Version {device.Firmware.ServerVersion}", post);
        Assert.DoesNotContain("American Megatrends", terminal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GrubKernelAndTheTty1LoginFollowOnTheMonitor()
    {
        var device = MonitorDevices.Create(MonitorDevices.TextOnly, Unpaced with { GrubTimeout = TimeSpan.FromSeconds(30) });
        var viewer = new MonitorViewer(device.Screen);
        PowerOn(device);

        var grub = await viewer.WaitForTextAsync("GNU GRUB  version 2.06-13+deb12u1");
        Assert.Contains(grub, row => row.Contains("*Debian GNU/Linux", StringComparison.Ordinal));
        viewer.Press(MonitorViewer.Return);

        var login = await viewer.WaitForTextAsync("lab7 login:");
        Assert.Contains("Debian GNU/Linux 12 lab7 tty1", login);
        Assert.Contains(login, row => row.Contains("Reached target multi-user.target", StringComparison.Ordinal));
        Assert.Equal(ScreenMode.Text, device.Screen.Mode);
    }

    [Fact]
    public async Task SolKeepsItsOwnLoginOnTtyS1()
    {
        var device = MonitorDevices.Create(MonitorDevices.TextOnly);
        var viewer = new MonitorViewer(device.Screen);
        using var terminal = new SerialTerminal(device.SerialPort);
        PowerOn(device);

        await terminal.WaitForAsync("Debian GNU/Linux 12 lab7 ttyS1\r\n\r\nlab7 login: ");
        await viewer.WaitForTextAsync("Debian GNU/Linux 12 lab7 tty1");
        terminal.Type("user\r");
        await terminal.WaitForAsync("Password: ");

        Assert.DoesNotContain(viewer.ReadText(), row => row.Contains("Password:", StringComparison.Ordinal));
        Assert.DoesNotContain("tty1", terminal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOsThatIsAlreadyUpShowsTheDesktopWithTty1Behind()
    {
        var device = MonitorDevices.Create(initial: WsMan.Amt.CimPowerState.On);
        var viewer = new MonitorViewer(device.Screen);

        await viewer.WaitForModeAsync(ScreenMode.Desktop);
        Assert.Equal(new(1920, 1080), device.Screen.Size);
        viewer.Chord(MonitorViewer.F1, MonitorViewer.ControlLeft, MonitorViewer.AltLeft);
        Assert.Equal(ScreenMode.Text, device.Screen.Mode);
        await viewer.WaitForTextAsync("lab7 login:");
        viewer.Chord(MonitorViewer.F7, MonitorViewer.ControlLeft, MonitorViewer.AltLeft);
        Assert.Equal(ScreenMode.Desktop, device.Screen.Mode);
    }
}
