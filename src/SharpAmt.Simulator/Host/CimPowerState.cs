namespace SharpAmt.Simulator.Host;

/// <summary>CIM PowerState values (reference section 4.1), as the host reports and clients request them.</summary>
public enum CimPowerState
{
    On = 2,
    Sleep = 4,
    Cycle = 5,
    Hibernate = 7,
    Off = 8,
    Reset = 10,
    DiagnosticInterrupt = 11,
    SoftOff = 12,
    SoftReset = 14,
}
