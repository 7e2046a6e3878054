namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>Where a console run's output goes: the serial port (ttyS1, redirected by SOL), the local monitor, or both.</summary>
[Flags]
internal enum ConsoleTerminals
{
    None = 0,
    Serial = 1,
    Monitor = 2,
    Both = Serial | Monitor,
}
