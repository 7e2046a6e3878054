namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// The kernel and systemd messages of Debian booting with console=ttyS1, then the getty's banner and login
/// prompt when the OS runs one on ttyS1; without it the serial port falls silent once the OS is up. The same
/// messages scroll on the monitor, which then becomes tty1 with its own login and the display manager.
/// </summary>
internal sealed class LinuxStage(bool recovery) : IConsoleStage
{
    public HostConsoleState State => HostConsoleState.Linux;

    public async Task<IConsoleStage?> RunAsync(ConsoleRun run)
    {
        var host = run.HostName;
        var commandLine = recovery ? SimulatedMachine.KernelCommandLine.Replace(" ro ", " ro single ", StringComparison.Ordinal) : SimulatedMachine.KernelCommandLine;
        string[] kernel =
        [
            $"[    0.000000] Linux version {SimulatedMachine.Kernel} (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) {SimulatedMachine.KernelBuild}",
            $"[    0.000000] Command line: {commandLine}",
            $"[    0.000000] DMI: SharpAMT Simulated PC/Q370, BIOS 1.07 {SimulatedMachine.BiosDate[..10]}",
            "[    0.041237] Memory: 16165412K/16669500K available (14336K kernel code, 2354K rwdata)",
            $"[    0.214502] smpboot: CPU0: {SimulatedMachine.Cpu} (family: 0x6, model: 0x9e, stepping: 0xa)",
            "[    0.862127] 0000:00:16.3: ttyS1 at I/O 0xf0a0 (irq = 19, base_baud = 115200) is a 16550A",
            $"[    1.203344] e1000e 0000:00:1f.6 eth0: (PCI Express:2.5GT/s:Width x1) {run.Facts.MacColons}",
            "[    1.512980] EXT4-fs (sda2): mounted filesystem with ordered data mode. Quota mode: none.",
            "[    1.734411] systemd[1]: systemd 252.22-1~deb12u1 running in system mode (+PAM +AUDIT +SELINUX +APPARMOR +IMA +SMACK +SECCOMP)",
            "[    1.739055] systemd[1]: Detected architecture x86-64.",
            $"[    1.741233] systemd[1]: Hostname set to <{host}>.",
        ];
        foreach (var line in kernel)
        {
            await run.LineAsync(line).ConfigureAwait(false);
        }

        string[] units =
        [
            "Started systemd-journald.service - Journal Service.",
            "Reached target local-fs.target - Local File Systems.",
            "Started systemd-timesyncd.service - Network Time Synchronization.",
            "Finished networking.service - Raise network interfaces.",
            "Started ssh.service - OpenBSD Secure Shell server.",
        ];
        foreach (var unit in units)
        {
            await run.LineAsync($"{Ansi.Ok} {unit}").ConfigureAwait(false);
        }

        if (run.Options.SerialGetty)
        {
            await run.LineAsync($"{Ansi.Ok} Started serial-getty@ttyS1.service - Serial Getty on ttyS1.").ConfigureAwait(false);
        }

        await run.LineAsync($"{Ansi.Ok} Reached target multi-user.target - Multi-User System.").ConfigureAwait(false);
        run.HandOverMonitor();
        return run.Options.SerialGetty ? new LoginStage() : new OsRunningStage();
    }
}
