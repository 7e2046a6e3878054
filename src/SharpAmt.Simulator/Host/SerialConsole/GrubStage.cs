namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// GRUB from the hard disk, on the serial terminal (Debian installed with a serial console). It counts down
/// <see cref="HostConsoleOptions.GrubTimeout"/> and boots the first entry; any key stops the countdown, and
/// then the menu waits for Enter.
/// </summary>
internal sealed class GrubStage : IConsoleStage
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    /// <summary>A bound on keys handled in the menu; after that GRUB boots the highlighted entry.</summary>
    private const int MaxKeys = 100_000;

    public HostConsoleState State => HostConsoleState.Grub;

    public async Task<IConsoleStage?> RunAsync(ConsoleRun run)
    {
        run.BootLoaderStarted();
        run.FlushInput();
        var menu = new GrubMenu();
        var choice = await CountDownAsync(run, menu).ConfigureAwait(false);
        for (var i = 0; i < MaxKeys && choice is GrubChoice.None; i++)
        {
            choice = menu.Handle(await run.ReadKeyAsync().ConfigureAwait(false));
            if (choice is GrubChoice.None)
            {
                await run.WriteAsync(menu.Render(secondsLeft: null)).ConfigureAwait(false);
            }
        }

        if (choice is GrubChoice.None)
        {
            choice = menu.Boot();
        }

        await run.WriteAsync(Ansi.Clear).ConfigureAwait(false);
        if (choice is GrubChoice.MemoryTest)
        {
            return new MemoryTestStage();
        }

        await run.LineAsync($"  Booting `{menu.SelectedTitle}'").ConfigureAwait(false);
        await run.LineAsync().ConfigureAwait(false);
        await run.LineAsync($"Loading Linux {SimulatedMachine.Kernel} ...").ConfigureAwait(false);
        await run.LineAsync("Loading initial ramdisk ...").ConfigureAwait(false);
        return new LinuxStage(recovery: choice is GrubChoice.LinuxRecovery);
    }

    /// <summary>Counts down a second at a time; a key stops it and is handled. None: a key came, wait for more.</summary>
    private static async Task<GrubChoice> CountDownAsync(ConsoleRun run, GrubMenu menu)
    {
        var seconds = (int)Math.Ceiling(run.Options.GrubTimeout.TotalSeconds);
        await run.WriteAsync(menu.Render(seconds > 0 ? seconds : null)).ConfigureAwait(false);
        for (var left = seconds; left > 0; left--)
        {
            if (await run.ReadKeyAsync(Second).ConfigureAwait(false) is { } key)
            {
                var choice = menu.Handle(key);
                if (choice is GrubChoice.None)
                {
                    await run.WriteAsync(menu.Render(secondsLeft: null)).ConfigureAwait(false);
                }

                return choice;
            }

            if (left > 1)
            {
                await run.WriteAsync(GrubMenu.Countdown(left - 1)).ConfigureAwait(false);
            }
        }

        return menu.Boot();
    }
}
