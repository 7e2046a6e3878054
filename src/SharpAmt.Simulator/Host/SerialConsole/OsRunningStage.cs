namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>The OS is up with no getty on ttyS1: nothing more is written and keystrokes are ignored.</summary>
internal sealed class OsRunningStage : IConsoleStage
{
    public HostConsoleState State => HostConsoleState.OsRunning;

    public Task<IConsoleStage?> RunAsync(ConsoleRun run) => run.WaitForeverAsync();
}
