namespace SharpAmt.Redirection.Ider.Client;

/// <summary>A snapshot of what a disk has served: data bytes sent to the host, their rate and the last sector read.</summary>
public readonly record struct IderProgress(long BytesServed, double BytesPerSecond, long LastLba, long ReadCommands, TimeSpan Elapsed);
