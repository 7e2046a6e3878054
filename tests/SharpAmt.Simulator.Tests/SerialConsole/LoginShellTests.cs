using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Tests.Support;
using SharpAmt.WsMan.Amt;
using Xunit;
using static SharpAmt.Simulator.Tests.SerialConsole.ConsoleDevices;
using static SharpAmt.Simulator.Tests.SerialConsole.SerialTerminal;

namespace SharpAmt.Simulator.Tests.SerialConsole;

public sealed class LoginShellTests
{
    private const string Prompt = "user@lab7:~$ ";

    private static async Task<(SimulatedDevice Device, SerialTerminal Terminal)> BootAsync(HostConsoleOptions? options = null)
    {
        var device = Create(options);
        var terminal = new SerialTerminal(device.SerialPort);
        PowerOn(device);
        return (device, terminal);
    }

    private static async Task<(SimulatedDevice Device, SerialTerminal Terminal)> LogInAsync()
    {
        var (device, terminal) = await BootAsync();
        await terminal.WaitForAsync("lab7 login: ");
        terminal.Type("user\r");
        await terminal.WaitForAsync("Password: ");
        terminal.Type("user\r");
        await terminal.WaitForAsync(Prompt);
        return (device, terminal);
    }

    [Fact]
    public async Task LinuxBootsToAGettyOnTtyS1()
    {
        var (device, terminal) = await BootAsync();
        using var _ = terminal;

        var boot = await terminal.WaitForAsync("lab7 login: ");
        Assert.Contains("[    0.000000] Linux version 6.1.0-18-amd64", boot, StringComparison.Ordinal);
        Assert.Contains("console=ttyS1,115200n8", boot, StringComparison.Ordinal);
        Assert.Contains("systemd[1]: Hostname set to <lab7>.", boot, StringComparison.Ordinal);
        Assert.Contains("Started serial-getty@ttyS1.service - Serial Getty on ttyS1.", boot, StringComparison.Ordinal);
        Assert.Contains("\r\nDebian GNU/Linux 12 lab7 ttyS1\r\n\r\nlab7 login: ", boot, StringComparison.Ordinal);
        Assert.Equal(HostConsoleState.Login, device.Console.State);
    }

    [Fact]
    public async Task WithoutAGettyTheConsoleEndsAtTheBootMessages()
    {
        var (device, terminal) = await BootAsync(Unpaced with { SerialGetty = false });
        using var _ = terminal;

        await terminal.WaitForAsync("Reached target multi-user.target - Multi-User System.\r\n");
        await WaitForStateAsync(device.Console, HostConsoleState.OsRunning);
        terminal.Type("\r\r");
        await QuietMomentAsync();
        Assert.Equal("", terminal.Unread);
        Assert.DoesNotContain("login:", terminal.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("serial-getty", terminal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLoginEchoesTheNameButNotThePassword()
    {
        var (_, terminal) = await BootAsync();
        using var _ = terminal;
        await terminal.WaitForAsync("lab7 login: ");

        terminal.Type("user\r");
        Assert.Equal("user\r\nPassword: ", await terminal.WaitForAsync("Password: "));
        terminal.Type("user\r");
        var motd = await terminal.WaitForAsync(Prompt);
        Assert.StartsWith("\r\nLinux lab7 6.1.0-18-amd64", motd, StringComparison.Ordinal);
        Assert.Contains("ABSOLUTELY NO WARRANTY", motd, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPasswordIsRefusedAndTheLoginAsksAgain()
    {
        var (device, terminal) = await BootAsync();
        using var _ = terminal;
        await terminal.WaitForAsync("lab7 login: ");

        terminal.Type("admin\r");
        await terminal.WaitForAsync("Password: ");
        terminal.Type("P@ssw0rd\r");
        Assert.Equal("\r\n\r\nLogin incorrect\r\nlab7 login: ", await terminal.WaitForAsync("lab7 login: "));
        Assert.Equal(HostConsoleState.Login, device.Console.State);
    }

    [Fact]
    public async Task AnEmptyNameJustAsksAgain()
    {
        var (_, terminal) = await BootAsync();
        using var _ = terminal;
        await terminal.WaitForAsync("lab7 login: ");

        terminal.Type("\r");
        Assert.Equal("\r\nlab7 login: ", await terminal.WaitForAsync("lab7 login: "));
    }

    [Fact]
    public async Task EchoAndUnameAnswerAsOnDebian()
    {
        var (_, terminal) = await LogInAsync();
        using var _ = terminal;

        terminal.Type("echo hello   world\r");
        Assert.Equal("echo hello   world\r\nhello world\r\n" + Prompt, await terminal.WaitForAsync(Prompt));
        terminal.Type("uname\r");
        Assert.Equal("uname\r\nLinux\r\n" + Prompt, await terminal.WaitForAsync(Prompt));
        terminal.Type("uname -a\r");
        Assert.Equal("uname -a\r\nLinux lab7 6.1.0-18-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01) x86_64 GNU/Linux\r\n" + Prompt, await terminal.WaitForAsync(Prompt));
        terminal.Type("hostname\r");
        Assert.Equal("hostname\r\nlab7\r\n" + Prompt, await terminal.WaitForAsync(Prompt));
    }

    [Fact]
    public async Task DateTellsTheSimulatedClock()
    {
        var clock = new SteppedClock();
        var device = Create(time: clock);
        using var terminal = new SerialTerminal(device.SerialPort);
        PowerOn(device);
        await terminal.WaitForAsync("login: ");
        terminal.Type("user\ruser\r");
        await terminal.WaitForAsync(Prompt);

        terminal.Type("date\r");
        Assert.Equal("date\r\nSun Nov 22 02:45:32 UTC 2026\r\n" + Prompt, await terminal.WaitForAsync(Prompt));
    }

    [Fact]
    public async Task UnknownCommandsAreNotFoundAndHelpListsTheKnownOnes()
    {
        var (_, terminal) = await LogInAsync();
        using var _ = terminal;

        terminal.Type("ls -l\r");
        Assert.Contains("-bash: ls: command not found\r\n", await terminal.WaitForAsync(Prompt), StringComparison.Ordinal);
        terminal.Type("help\r");
        var help = await terminal.WaitForAsync(Prompt);
        Assert.Contains("uname", help, StringComparison.Ordinal);
        Assert.Contains("poweroff", help, StringComparison.Ordinal);
        terminal.Type("\r");
        Assert.Equal("\r\n" + Prompt, await terminal.WaitForAsync(Prompt));
    }

    [Fact]
    public async Task BackspaceErasesAndCrLfIsOneEnter()
    {
        var (_, terminal) = await LogInAsync();
        using var _ = terminal;

        terminal.Type("echp\x7fo hi\r\n");
        Assert.Equal("echp\b \bo hi\r\nhi\r\n" + Prompt, await terminal.WaitForAsync(Prompt));
        terminal.Type("\x7f\becho yz\b\bx\n");
        Assert.Equal("echo yz\b \b\b \bx\r\nx\r\n" + Prompt, await terminal.WaitForAsync(Prompt));
        await QuietMomentAsync();
        Assert.Equal("", terminal.Unread);
    }

    [Fact]
    public async Task ExitReturnsToTheLogin()
    {
        var (device, terminal) = await LogInAsync();
        using var _ = terminal;

        terminal.Type("exit\r");
        await terminal.WaitForAsync("Debian GNU/Linux 12 lab7 ttyS1\r\n\r\nlab7 login: ");
        Assert.Equal(HostConsoleState.Login, device.Console.State);
    }

    [Fact]
    public async Task RebootRestartsTheHostAndTheNextBootStartsOver()
    {
        var (device, terminal) = await LogInAsync();
        using var _ = terminal;

        terminal.Type("reboot\r");
        await terminal.WaitForAsync("reboot: Restarting system\r\n");
        var again = await terminal.WaitForAsync("lab7 login: ");
        Assert.Contains("GNU GRUB", again, StringComparison.Ordinal);
        Assert.Contains("Linux version 6.1.0-18-amd64", again, StringComparison.Ordinal);
        Assert.Equal(2, device.Host.BootHistory.Count);
        Assert.Equal(CimPowerState.Reset, device.Host.LastBoot!.Cause);
        Assert.Equal(CimPowerState.On, device.Host.PowerState);
    }

    [Fact]
    public async Task PoweroffSwitchesTheHostOff()
    {
        var (device, terminal) = await LogInAsync();
        using var _ = terminal;

        terminal.Type("poweroff\r");
        await terminal.WaitForAsync("reboot: Power down\r\n");
        await WaitForStateAsync(device.Console, HostConsoleState.Off);
        Assert.Equal(CimPowerState.Off, device.Host.PowerState);
        Assert.Single(device.Host.BootHistory);
    }

    [Fact]
    public async Task RebootWorksWhileASolSessionBlocksRemotePowerOff()
    {
        var (device, terminal) = await LogInAsync();
        using var _ = terminal;
        device.Host.RedirectionSessionActive = () => true;

        terminal.Type("poweroff\r");
        await WaitForStateAsync(device.Console, HostConsoleState.Off);
        Assert.Equal(CimPowerState.Off, device.Host.PowerState);
    }
}
