using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Tests.Support;
using SharpAmt.WsMan.Amt;
using Xunit;
using static SharpAmt.Simulator.Tests.SerialConsole.ConsoleDevices;
using static SharpAmt.Simulator.Tests.SerialConsole.SerialTerminal;

namespace SharpAmt.Simulator.Tests.SerialConsole;

public sealed class ConsolePowerTests
{
    [Fact]
    public async Task OutputWhileNoSessionIsAttachedIsLost()
    {
        var device = Create();
        PowerOn(device);
        await WaitForStateAsync(device.Console, HostConsoleState.Login);

        using var terminal = new SerialTerminal(device.SerialPort);
        await QuietMomentAsync();
        Assert.Equal("", terminal.Output);
        terminal.Type("\r");
        Assert.Equal("\r\nlab7 login: ", await terminal.WaitForAsync("lab7 login: "));
    }

    [Fact]
    public async Task ADeviceThatStartsOnHasItsOsUpWithALoginWaiting()
    {
        var device = Create(initial: CimPowerState.On);
        await WaitForStateAsync(device.Console, HostConsoleState.Login);
        using var terminal = new SerialTerminal(device.SerialPort);

        terminal.Type("user\r");
        await terminal.WaitForAsync("Password: ");
        Assert.Empty(device.Host.BootHistory);
    }

    [Fact]
    public async Task PowerOffStopsTheOutputMidBoot()
    {
        var clock = new SteppedClock();
        var device = Create(Unpaced with { LinePace = TimeSpan.FromSeconds(1) }, clock);
        using var terminal = new SerialTerminal(device.SerialPort);
        SetNextBoot(device, sol: true);
        PowerOn(device);
        for (var line = 0; line < 3; line++)
        {
            await clock.AdvanceWhenWaitingAsync(TimeSpan.FromSeconds(1));
        }

        await terminal.WaitForAsync("CPU: ");
        Request(device, CimPowerState.Off);
        await WaitForStateAsync(device.Console, HostConsoleState.Off);
        await device.Console.Running;
        var written = terminal.Output;

        clock.Advance(TimeSpan.FromMinutes(5));
        await QuietMomentAsync();
        Assert.Equal(written, terminal.Output);
        Assert.DoesNotContain("Total Memory", written, StringComparison.Ordinal);
        Assert.Equal(0, clock.PendingTimers);
    }

    [Fact]
    public async Task AResetStartsTheScriptOverFromPost()
    {
        var device = Create(Unpaced with { GrubTimeout = TimeSpan.FromSeconds(5) }, new SteppedClock());
        using var terminal = new SerialTerminal(device.SerialPort);
        SetNextBoot(device, sol: true);
        PowerOn(device);
        await terminal.WaitForAsync("executed automatically in 5s.");

        SetNextBoot(device, sol: true);
        Request(device, CimPowerState.Reset);
        var again = await terminal.WaitForAsync("executed automatically in 5s.");
        Assert.Contains("Version 2.22.1287. Copyright (C) 2024 American Megatrends, Inc.", again, StringComparison.Ordinal);
        Assert.Equal(2, device.Host.BootHistory.Count);
    }
}
