using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Tests.Support;
using Xunit;
using static SharpAmt.Simulator.Tests.SerialConsole.ConsoleDevices;
using static SharpAmt.Simulator.Tests.SerialConsole.SerialTerminal;

namespace SharpAmt.Simulator.Tests.SerialConsole;

public sealed class GrubTests
{
    private const string MenuEnd = "for a command-line.";

    private static async Task<(SimulatedDevice Device, SerialTerminal Terminal, SteppedClock Clock)> BootToGrubAsync()
    {
        var clock = new SteppedClock();
        var device = Create(Unpaced with { GrubTimeout = TimeSpan.FromSeconds(5) }, clock);
        var terminal = new SerialTerminal(device.SerialPort);
        PowerOn(device);
        var menu = await terminal.WaitForAsync("executed automatically in 5s.");
        Assert.Contains("GNU GRUB  version 2.06", menu, StringComparison.Ordinal);
        Assert.Equal("*Debian GNU/Linux", Highlighted(menu));
        Assert.Contains("Advanced options for Debian GNU/Linux", menu, StringComparison.Ordinal);
        Assert.Contains("Memory test (memtest86+x64.bin)", menu, StringComparison.Ordinal);
        return (device, terminal, clock);
    }

    [Fact]
    public async Task TheCountdownBootsTheFirstEntry()
    {
        var (device, terminal, clock) = await BootToGrubAsync();
        using var _ = terminal;

        for (var second = 4; second >= 1; second--)
        {
            await clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
            await terminal.WaitForAsync($"executed automatically in {second}s.");
        }

        await clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        await terminal.WaitForAsync("Booting `Debian GNU/Linux'");
        await terminal.WaitForAsync("lab7 login: ");
        Assert.Equal(HostConsoleState.Login, device.Console.State);
    }

    [Fact]
    public async Task AKeyStopsTheCountdownAndArrowsChooseTheEntry()
    {
        var (device, terminal, clock) = await BootToGrubAsync();
        using var _ = terminal;

        await clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        await terminal.WaitForAsync("executed automatically in 4s.");
        terminal.Type(Down);
        var menu = await terminal.WaitForAsync(MenuEnd);
        Assert.Equal("*Advanced options for Debian GNU/Linux", Highlighted(menu));

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, clock.PendingTimers);
        Assert.Equal(HostConsoleState.Grub, device.Console.State);
        Assert.DoesNotContain("automatically", terminal.Unread, StringComparison.Ordinal);

        terminal.Type("\r");
        menu = await terminal.WaitForAsync(MenuEnd);
        Assert.Equal("*Debian GNU/Linux, with Linux 6.1.0-18-amd64", Highlighted(menu));
        terminal.Type(Down + "\r");
        await terminal.WaitForAsync("Booting `Debian GNU/Linux, with Linux 6.1.0-18-amd64 (recovery mode)'");
        Assert.Contains("root=UUID=5b1c3f0e-2d4a-4b8e-9c61-7e0f2a9d3c55 ro single console=tty0", await terminal.WaitForAsync("login: "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EShowsTheEntryAndEscapeReturnsToTheMenu()
    {
        var (_, terminal, _) = await BootToGrubAsync();
        using var _ = terminal;

        terminal.Type("e");
        var entry = await terminal.WaitForAsync("return to the GRUB menu.");
        Assert.Contains("setparams 'Debian GNU/Linux'", entry, StringComparison.Ordinal);
        Assert.Contains("|     linux   /boot/vmlinuz-6.1.0-18-amd64 root=UUID=5b1c3f0e-2d4a-4b8e-9c61\\|", entry, StringComparison.Ordinal);
        Assert.Contains("| -7e0f2a9d3c55 ro console=tty0 console=ttyS1,115200n8 ", entry, StringComparison.Ordinal);
        Assert.Contains("initrd  /boot/initrd.img-6.1.0-18-amd64", entry, StringComparison.Ordinal);

        terminal.Type(Escape);
        Assert.Equal("*Debian GNU/Linux", Highlighted(await terminal.WaitForAsync(MenuEnd)));
        terminal.Type("\r");
        await terminal.WaitForAsync("Booting `Debian GNU/Linux'");
    }

    [Fact]
    public async Task TheMemoryTestRunsUntilEscapeReboots()
    {
        var (device, terminal, _) = await BootToGrubAsync();
        using var _ = terminal;

        terminal.Type(Down + Down + "\r");
        await terminal.WaitForAsync("Memtest86+ v6.10");
        await WaitForStateAsync(device.Console, HostConsoleState.MemoryTest);
        terminal.Type(Escape);
        await terminal.WaitForAsync("executed automatically in 5s.");
        Assert.Equal(2, device.Host.BootHistory.Count);
    }
}
