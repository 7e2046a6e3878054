using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Host;

/// <summary>One boot of the simulated host, with the AMT boot options that applied to it.</summary>
public sealed record BootRecord(DateTimeOffset At, BootDevice Device, bool SolRedirected, bool BiosPause, bool SafeMode, CimPowerState Cause);
