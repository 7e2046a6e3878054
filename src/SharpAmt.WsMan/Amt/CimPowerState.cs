namespace SharpAmt.WsMan.Amt;

/// <summary>
/// CIM PowerState values (reference section 4.1): what CIM_AssociatedPowerManagementService reports and what
/// RequestPowerStateChange asks for. 8 is an immediate power off on AMT, despite its DMTF name.
/// </summary>
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
