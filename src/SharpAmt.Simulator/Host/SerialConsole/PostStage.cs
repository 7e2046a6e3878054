namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// The power-on self test as an AMI BIOS prints it with console redirection on, the ME's line included. F2 or
/// Del typed during POST enters setup; a remote BIOS pause (AMT's BIOSPause) waits for a key.
/// </summary>
internal sealed class PostStage : IConsoleStage
{
    public HostConsoleState State => HostConsoleState.Post;

    public async Task<IConsoleStage?> RunAsync(ConsoleRun run)
    {
        await run.BiosWriteAsync(Ansi.Clear).ConfigureAwait(false);
        await run.BiosLineAsync("Version 2.22.1287. Copyright (C) 2024 American Megatrends, Inc.").ConfigureAwait(false);
        await run.BiosLineAsync($"BIOS Date: {SimulatedMachine.BiosDate} Ver: {SimulatedMachine.BiosVersion}").ConfigureAwait(false);
        await run.BiosLineAsync($"CPU: {SimulatedMachine.Cpu}").ConfigureAwait(false);
        await run.BiosLineAsync($"Total Memory: {SimulatedMachine.MemoryMegabytes} MB (DDR4 2666)").ConfigureAwait(false);
        await run.BiosLineAsync("USB Devices total: 1 KBD, 1 MOUSE, 2 HUBS").ConfigureAwait(false);
        await run.BiosLineAsync($"SATA Port 0: {SimulatedMachine.Disk}").ConfigureAwait(false);
        await run.BiosLineAsync($"Intel(R) Active Management Technology - Version {run.Facts.AmtVersion}").ConfigureAwait(false);
        await run.BiosLineAsync("Press <CTRL-P> to enter the MEBx setup menu.").ConfigureAwait(false);
        await run.BiosLineAsync("Press <DEL> or <F2> to enter setup.").ConfigureAwait(false);
        await run.BiosLineAsync().ConfigureAwait(false);

        if (run.Boot?.BiosPause == true && run.BiosVisible)
        {
            await run.BiosLineAsync("BIOS paused by a remote request. Press any key to continue...").ConfigureAwait(false);
            await run.ReadKeyAsync().ConfigureAwait(false);
        }

        // F2 or Del typed while POST ran opens setup: on the local keyboard always, over SOL only with console
        // redirection (the console drops serial keys otherwise).
        if (EnterSetupTyped(run))
        {
            return new BiosSetupStage();
        }

        return BootRouting.For(run.Boot?.Device ?? BootDevice.Default, run.Bios);
    }

    private static bool EnterSetupTyped(ConsoleRun run)
    {
        for (var i = 0; i < HostConsole.InputCapacity && run.TryReadKey() is { } key; i++)
        {
            if (key.Kind is SerialKeyKind.F2 or SerialKeyKind.Delete)
            {
                return true;
            }
        }

        return false;
    }
}
