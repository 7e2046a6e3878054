using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Tests.Support;
using Xunit;
using static SharpAmt.Simulator.Tests.SerialConsole.ConsoleDevices;

namespace SharpAmt.Simulator.Tests.SerialConsole;

public sealed class PostTests
{
    [Fact]
    public async Task PostReachesSolWhenTheBootAskedForRedirection()
    {
        var device = Create();
        using var terminal = new SerialTerminal(device.SerialPort);
        SetNextBoot(device, sol: true);
        PowerOn(device);

        var post = await terminal.WaitForAsync("GNU GRUB");
        Assert.Contains("American Megatrends", post, StringComparison.Ordinal);
        Assert.Contains("Total Memory: 16384 MB", post, StringComparison.Ordinal);
        Assert.Contains("Press <DEL> or <F2> to enter setup.", post, StringComparison.Ordinal);
        Assert.Contains($"Intel(R) Active Management Technology - Version {device.Firmware.ServerVersion}", post, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutRedirectionSolShowsOnlyWhatTheOsWritesToItsSerialConsole()
    {
        var device = Create();
        using var terminal = new SerialTerminal(device.SerialPort);
        PowerOn(device);

        var beforeGrub = await terminal.WaitForAsync("GNU GRUB");
        await terminal.WaitForAsync("lab7 login: ");
        Assert.DoesNotContain("American Megatrends", beforeGrub, StringComparison.Ordinal);
        Assert.DoesNotContain("Active Management Technology", terminal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BiosRedirectionAlwaysOnShowsPostOnEveryBoot()
    {
        var device = Create(Unpaced with { BiosRedirectionAlwaysOn = true });
        using var terminal = new SerialTerminal(device.SerialPort);
        PowerOn(device);

        Assert.Contains("American Megatrends", await terminal.WaitForAsync("GNU GRUB"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARemoteBiosPauseWaitsForAKey()
    {
        var device = Create();
        using var terminal = new SerialTerminal(device.SerialPort);
        SetNextBoot(device, sol: true, fields: ("BIOSPause", "true"));
        PowerOn(device);

        await terminal.WaitForAsync("Press any key to continue...");
        Assert.Equal(HostConsoleState.Post, device.Console.State);
        terminal.Type(" ");
        await terminal.WaitForAsync("GNU GRUB");
    }

    [Fact]
    public async Task F2TypedDuringPostOpensSetup()
    {
        var clock = new SteppedClock();
        var device = Create(Unpaced with { LinePace = TimeSpan.FromSeconds(1) }, clock);
        using var terminal = new SerialTerminal(device.SerialPort);
        SetNextBoot(device, sol: true);
        PowerOn(device);

        await clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        await terminal.WaitForAsync("American Megatrends");
        terminal.Type("\eOQ");
        for (var line = 1; line < 10; line++)
        {
            await clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        }

        await terminal.WaitForAsync("Aptio Setup Utility");
        Assert.Equal(HostConsoleState.BiosSetup, device.Console.State);
    }
}
