using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Host;

/// <summary>One boot of the simulated host, with the AMT boot options that applied to it.</summary>
public sealed record BootRecord(DateTimeOffset At, BootDevice Device, bool SolRedirected, bool BiosPause, bool SafeMode, CimPowerState Cause)
{
    /// <summary>Options that redirect the boot, which the "all" consent policy lets through only with consent.</summary>
    public bool IsRedirected => SolRedirected || BiosPause || Device is BootDevice.BiosSetup or BootDevice.IderCd or BootDevice.IderFloppy;

    /// <summary>The boot as it goes when those options are ignored: its own boot order for the redirected devices, nothing redirected.</summary>
    public BootRecord WithoutRedirection() => this with
    {
        Device = Device is BootDevice.BiosSetup or BootDevice.IderCd or BootDevice.IderFloppy ? BootDevice.Default : Device,
        SolRedirected = false,
        BiosPause = false,
    };
}
