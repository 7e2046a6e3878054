using SharpAmt.Simulator.Host;
using SharpAmt.Simulator.Host.SerialConsole;
using Xunit;
using static SharpAmt.Simulator.Tests.SerialConsole.ConsoleDevices;
using static SharpAmt.Simulator.Tests.SerialConsole.SerialTerminal;

namespace SharpAmt.Simulator.Tests.SerialConsole;

public sealed class BiosSetupTests
{
    /// <summary>The key help near the bottom of every setup screen, after all items.</summary>
    private const string ScreenEnd = "ESC: Exit";

    private static async Task<(SimulatedDevice Device, SerialTerminal Terminal)> EnterSetupAsync()
    {
        var device = Create();
        var terminal = new SerialTerminal(device.SerialPort);
        SetNextBoot(device, sol: true, fields: ("BIOSSetup", "true"));
        PowerOn(device);
        var screen = await terminal.WaitForAsync(ScreenEnd);
        Assert.Contains("System Date", screen, StringComparison.Ordinal);
        Assert.Equal(HostConsoleState.BiosSetup, device.Console.State);
        return (device, terminal);
    }

    [Fact]
    public async Task SetupOpensOnMainWithTheDateHighlighted()
    {
        var (device, terminal) = await EnterSetupAsync();
        using var _ = terminal;

        Assert.Contains("Main", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("Total Memory                16384 MB", terminal.Output, StringComparison.Ordinal);
        Assert.StartsWith("System Date", Highlighted(terminal.Output), StringComparison.Ordinal);
        terminal.Type(Down);
        Assert.StartsWith("System Time", Highlighted(await terminal.WaitForAsync(ScreenEnd)), StringComparison.Ordinal);
        Assert.Equal(HostConsoleState.BiosSetup, device.Console.State);
    }

    [Fact]
    public async Task ChangingTheFirstBootOptionAndSavingBootsTheNetworkFromNowOn()
    {
        var (device, terminal) = await EnterSetupAsync();
        using var _ = terminal;

        terminal.Type(Right);
        var boot = await terminal.WaitForAsync(ScreenEnd);
        Assert.Contains("Boot Option #1            [debian (Samsung SSD 860 EVO 500GB)]", boot, StringComparison.Ordinal);
        terminal.Type("\r");
        Assert.Contains("+ Boot Option #1 ---", await terminal.WaitForAsync(ScreenEnd), StringComparison.Ordinal);
        terminal.Type(Down);
        Assert.Equal("UEFI: PXE IPv4 Intel(R) Ethernet I219-LM", Highlighted(await terminal.WaitForAsync(ScreenEnd)));
        terminal.Type("\r");
        Assert.Contains("Boot Option #1            [UEFI: PXE IPv4 Intel(R) Ethernet I219-LM]", await terminal.WaitForAsync(ScreenEnd), StringComparison.Ordinal);
        terminal.Type(Right);
        Assert.Equal("Save Changes and Exit", Highlighted(await terminal.WaitForAsync(ScreenEnd)));
        terminal.Type("\r");

        await terminal.WaitForAsync("PXE-E53: No boot filename received");
        await terminal.WaitForAsync("GNU GRUB");
        Assert.Equal([BootDevice.Pxe, BootDevice.HardDisk, BootDevice.CdDvd], device.Console.Bios.BootOrder);
    }

    [Fact]
    public async Task EscapeLeavesSetupWithoutSavingAndTheBootContinues()
    {
        var (device, terminal) = await EnterSetupAsync();
        using var _ = terminal;

        terminal.Type(Right + "\r" + Down + "\r");
        await terminal.WaitForAsync("Boot Option #1            [UEFI: PXE");
        terminal.Type(Escape);

        var after = await terminal.WaitForAsync("GNU GRUB");
        Assert.DoesNotContain("PXE-E53", after, StringComparison.Ordinal);
        Assert.Equal(BiosSettings.DefaultBootOrder, device.Console.Bios.BootOrder);
    }

    [Fact]
    public async Task EscapeInAChoiceListOnlyClosesIt()
    {
        var (device, terminal) = await EnterSetupAsync();
        using var _ = terminal;

        terminal.Type(Right + "\r");
        await terminal.WaitForAsync("+ Boot Option #1 ---");
        terminal.Type(Escape);
        var screen = await terminal.WaitForAsync(ScreenEnd);
        screen = await terminal.WaitForAsync(ScreenEnd);
        Assert.DoesNotContain("+ Boot Option #1 ---", screen, StringComparison.Ordinal);
        Assert.StartsWith("Boot Option #1", Highlighted(screen), StringComparison.Ordinal);
        Assert.Equal(HostConsoleState.BiosSetup, device.Console.State);
    }

    [Fact]
    public async Task SaveChangesAndResetRestartsTheHost()
    {
        var (device, terminal) = await EnterSetupAsync();
        using var _ = terminal;

        terminal.Type(Left + Down + Down + "\r");
        await WaitForStateAsync(device.Console, HostConsoleState.Login);
        Assert.Equal(2, device.Host.BootHistory.Count);
        Assert.Equal(WsMan.Amt.CimPowerState.On, device.Host.PowerState);
    }

    [Fact]
    public async Task WithoutRedirectionSetupRunsOnTheLocalScreenOnly()
    {
        var device = Create();
        using var terminal = new SerialTerminal(device.SerialPort);
        SetNextBoot(device, sol: false, fields: ("BIOSSetup", "true"));
        PowerOn(device);

        await WaitForStateAsync(device.Console, HostConsoleState.BiosSetup);
        terminal.Type(Escape + "\r");
        await QuietMomentAsync();
        Assert.Equal("", terminal.Output);
        Assert.Equal(HostConsoleState.BiosSetup, device.Console.State);
    }
}
