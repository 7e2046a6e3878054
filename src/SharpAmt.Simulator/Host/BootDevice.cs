namespace SharpAmt.Simulator.Host;

/// <summary>Where a simulated boot went.</summary>
public enum BootDevice
{
    /// <summary>The host's own boot order: no AMT boot option applied.</summary>
    Default,
    Pxe,
    HardDisk,
    CdDvd,
    Diagnostics,
    BiosSetup,
    IderCd,
    IderFloppy,
}
