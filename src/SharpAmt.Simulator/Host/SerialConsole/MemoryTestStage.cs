using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>Memtest86+ from the GRUB menu: its header and first test; it runs until Esc, which reboots.</summary>
internal sealed class MemoryTestStage : IConsoleStage
{
    /// <summary>A bound on ignored keys; memtest never finishes on its own in the simulation.</summary>
    private const int MaxKeys = 100_000;

    public HostConsoleState State => HostConsoleState.MemoryTest;

    public async Task<IConsoleStage?> RunAsync(ConsoleRun run)
    {
        await run.LineAsync("Memtest86+ v6.10      | " + SimulatedMachine.Cpu).ConfigureAwait(false);
        await run.LineAsync($"Memory      : {SimulatedMachine.MemoryMegabytes / 1024}GB DDR4-2666").ConfigureAwait(false);
        await run.LineAsync("Pass  0%").ConfigureAwait(false);
        await run.LineAsync("Test  1  [Address test, own address in window, seq]").ConfigureAwait(false);
        await run.LineAsync().ConfigureAwait(false);
        await run.LineAsync("<ESC> Exit (reboot)  <F1> Configuration  <Space> Scroll lock").ConfigureAwait(false);
        for (var i = 0; i < MaxKeys; i++)
        {
            if ((await run.ReadKeyAsync().ConfigureAwait(false)).Is(SerialKeyKind.Escape))
            {
                break;
            }
        }

        return await run.PowerFromHostAsync(CimPowerState.Reset).ConfigureAwait(false);
    }
}
