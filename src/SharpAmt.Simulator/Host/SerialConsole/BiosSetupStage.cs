using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// BIOS setup, entered because AMT asked for it (BIOSSetup) or F2 was typed during POST. It always runs on the
/// local monitor and keyboard; with console redirection it is also drawn on the serial port and SOL keys reach
/// it. Leaving it continues the boot through the saved boot order, or resets the host.
/// </summary>
internal sealed class BiosSetupStage : IConsoleStage
{
    /// <summary>A bound on keys handled in one visit to setup; leaving afterwards continues the boot.</summary>
    private const int MaxKeys = 100_000;

    public HostConsoleState State => HostConsoleState.BiosSetup;

    public async Task<IConsoleStage?> RunAsync(ConsoleRun run)
    {
        run.FlushInput();
        var menu = new BiosSetupMenu(run.Bios.BootOrder, run.Facts);
        await run.BiosWriteAsync(menu.Render(run.Time.GetLocalNow())).ConfigureAwait(false);
        var outcome = SetupOutcome.ExitDiscarding;
        for (var i = 0; i < MaxKeys; i++)
        {
            outcome = menu.Handle(await run.ReadKeyAsync().ConfigureAwait(false));
            if (outcome != SetupOutcome.Redraw)
            {
                break;
            }

            await run.BiosWriteAsync(menu.Render(run.Time.GetLocalNow())).ConfigureAwait(false);
        }

        if (outcome is SetupOutcome.ExitSaving or SetupOutcome.ResetSaving)
        {
            run.Bios.BootOrder = menu.BootOrder;
        }

        await run.BiosWriteAsync(Ansi.Clear).ConfigureAwait(false);
        if (outcome is SetupOutcome.ResetSaving or SetupOutcome.ResetDiscarding)
        {
            return await run.PowerFromHostAsync(CimPowerState.Reset).ConfigureAwait(false);
        }

        return BootRouting.For(BootDevice.Default, run.Bios);
    }
}
