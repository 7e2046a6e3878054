namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// The Intel Boot Agent's network boot: DHCP answers with an address but no boot file (the simulated LAN has
/// no PXE server), so it gives up with PXE-E53 and the BIOS boots the hard disk.
/// </summary>
internal sealed class PxeStage : IConsoleStage
{
    public HostConsoleState State => HostConsoleState.Pxe;

    public async Task<IConsoleStage?> RunAsync(ConsoleRun run)
    {
        await run.BiosLineAsync("Intel(R) Boot Agent GE v1.5.85").ConfigureAwait(false);
        await run.BiosLineAsync("Copyright (C) 1997-2024, Intel Corporation").ConfigureAwait(false);
        await run.BiosLineAsync().ConfigureAwait(false);
        await run.BiosLineAsync($"CLIENT MAC ADDR: {run.Facts.MacSpaced}  GUID: {run.Facts.Uuid.ToString().ToUpperInvariant()}").ConfigureAwait(false);
        await run.BiosWriteAsync("DHCP.").ConfigureAwait(false);
        foreach (var spinner in "\\|/-")
        {
            await run.DelayAsync(run.Options.LinePace).ConfigureAwait(false);
            await run.BiosWriteAsync($"\b{spinner}").ConfigureAwait(false);
        }

        await run.BiosLineAsync("\b ").ConfigureAwait(false);
        await run.BiosLineAsync("CLIENT IP: 192.168.10.57  MASK: 255.255.255.0  DHCP IP: 192.168.10.1").ConfigureAwait(false);
        await run.BiosLineAsync("GATEWAY IP: 192.168.10.1").ConfigureAwait(false);
        await run.BiosLineAsync("PXE-E53: No boot filename received").ConfigureAwait(false);
        await run.BiosLineAsync().ConfigureAwait(false);
        await run.BiosLineAsync("PXE-M0F: Exiting Intel Boot Agent.").ConfigureAwait(false);
        await run.BiosLineAsync($"Booting from SATA Port 0: {SimulatedMachine.Disk}").ConfigureAwait(false);
        return new GrubStage();
    }
}
