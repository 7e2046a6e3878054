namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// One step of the host's boot script: it writes, reads keys and waits through <see cref="ConsoleRun"/>, and
/// returns the stage that follows, or null when the script has nothing left to do.
/// </summary>
internal interface IConsoleStage
{
    HostConsoleState State { get; }

    Task<IConsoleStage?> RunAsync(ConsoleRun run);
}
