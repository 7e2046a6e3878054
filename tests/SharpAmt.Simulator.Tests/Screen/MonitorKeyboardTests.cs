using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Simulator.Tests.SerialConsole;
using SharpAmt.Tests.Support;
using Xunit;
using static SharpAmt.Simulator.Tests.SerialConsole.ConsoleDevices;

namespace SharpAmt.Simulator.Tests.Screen;

public sealed class MonitorKeyboardTests
{
    [Fact]
    public async Task KeysymsDriveBiosSetupWithoutSol()
    {
        var device = MonitorDevices.Create(MonitorDevices.TextOnly);
        var viewer = new MonitorViewer(device.Screen);
        using var terminal = new SerialTerminal(device.SerialPort);
        SetNextBoot(device, sol: false, fields: ("BIOSSetup", "true"));
        PowerOn(device);

        await viewer.WaitForTextAsync("Aptio Setup Utility");
        viewer.Press(MonitorViewer.Right);
        await viewer.WaitForTextAsync("Boot Option Priorities");
        viewer.Press(MonitorViewer.Return);
        await viewer.WaitForTextAsync("+ Boot Option #1 ---");
        viewer.Press(MonitorViewer.Down);
        viewer.Press(MonitorViewer.Return);
        await viewer.WaitForTextAsync("Boot Option #1            [UEFI: PXE IPv4 Intel(R) Ethernet I219-LM]");
        viewer.Press(MonitorViewer.F10);

        await viewer.WaitForTextAsync("lab7 login:");
        Assert.Equal(Host.BootDevice.Pxe, device.Console.Bios.BootOrder[0]);
        Assert.DoesNotContain("Aptio", terminal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SolKeysDoNotReachABiosThatIsNotRedirected()
    {
        var device = MonitorDevices.Create(MonitorDevices.TextOnly);
        var viewer = new MonitorViewer(device.Screen);
        using var terminal = new SerialTerminal(device.SerialPort);
        SetNextBoot(device, sol: false, fields: ("BIOSSetup", "true"));
        PowerOn(device);

        await viewer.WaitForTextAsync("Aptio Setup Utility");
        terminal.Type(SerialTerminal.Right);
        await SerialTerminal.QuietMomentAsync();

        Assert.DoesNotContain(viewer.ReadText(), row => row.Contains("Boot Option Priorities", StringComparison.Ordinal));
    }

    [Fact]
    public async Task F2FromTheKvmKeyboardDuringPostOpensSetup()
    {
        var clock = new SteppedClock();
        var device = MonitorDevices.Create(MonitorDevices.TextOnly, Unpaced with { LinePace = TimeSpan.FromSeconds(1) }, clock);
        var viewer = new MonitorViewer(device.Screen);
        PowerOn(device);

        await clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        await viewer.WaitForTextAsync("American Megatrends");
        viewer.Press(MonitorViewer.F2);
        for (var line = 1; line < 10; line++)
        {
            await clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        }

        await viewer.WaitForTextAsync("Aptio Setup Utility");
        Assert.Equal(HostConsoleState.BiosSetup, device.Console.State);
    }

    [Fact]
    public async Task ArrowsAndEnterPickAGrubEntry()
    {
        var device = MonitorDevices.Create(MonitorDevices.TextOnly, Unpaced with { GrubTimeout = TimeSpan.FromSeconds(30) });
        var viewer = new MonitorViewer(device.Screen);
        using var terminal = new SerialTerminal(device.SerialPort);
        PowerOn(device);

        await viewer.WaitForTextAsync("GNU GRUB");
        viewer.Press(MonitorViewer.Down);
        await viewer.WaitForTextAsync("*Advanced options for Debian GNU/Linux");
        viewer.Press(MonitorViewer.Return);
        await viewer.WaitForTextAsync("*Debian GNU/Linux, with Linux 6.1.0-18-amd64");
        viewer.Press(MonitorViewer.Down);
        viewer.Press(MonitorViewer.Return);

        // The kernel's messages scroll past the monitor too fast to read; the serial console keeps them.
        Assert.Contains("ro single console=tty0", await terminal.WaitForAsync("Hostname set to"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTty1LoginAndShellAnswerTheKvmKeyboard()
    {
        var device = MonitorDevices.Create(MonitorDevices.TextOnly);
        var viewer = new MonitorViewer(device.Screen);
        PowerOn(device);

        await viewer.WaitForTextAsync("lab7 login:");
        viewer.Type("user");
        viewer.Press(MonitorViewer.Return);
        await viewer.WaitForTextAsync("Password:");
        viewer.Type("user");
        viewer.Press(MonitorViewer.Return);
        await viewer.WaitForTextAsync("user@lab7:~$");
        viewer.Type("uname -rx");
        viewer.Press(MonitorViewer.BackSpace);
        viewer.Press(MonitorViewer.BackSpace);
        viewer.Press(MonitorViewer.Return);
        await viewer.WaitForTextAsync("6.1.0-18-amd64");
        viewer.Type("sleep 100");
        viewer.Chord('c', MonitorViewer.ControlLeft);

        var rows = await viewer.WaitForTextAsync("sleep 100^C");
        Assert.DoesNotContain(rows, row => row.Contains("Password:user", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ShiftedKeysymsTypeCapitalsAndCtrlAltDelRestarts()
    {
        var device = MonitorDevices.Create(MonitorDevices.TextOnly);
        var viewer = new MonitorViewer(device.Screen);
        PowerOn(device);
        await viewer.WaitForTextAsync("lab7 login:");

        device.Screen.Key(MonitorViewer.ShiftLeft, down: true);
        viewer.Type("ROOT");
        device.Screen.Key(MonitorViewer.ShiftLeft, down: false);
        await viewer.WaitForTextAsync("lab7 login: ROOT");
        viewer.Chord(MonitorViewer.Delete, MonitorViewer.ControlLeft, MonitorViewer.AltLeft);

        Assert.Equal(2, device.Host.BootHistory.Count);
        var rows = await viewer.WaitForTextAsync("lab7 login:");
        Assert.DoesNotContain(rows, row => row.Contains("ROOT", StringComparison.Ordinal));
    }
}
