namespace SharpAmt;

/// <summary>Where to boot the next time (reference section 4.2).</summary>
public enum BootTarget
{
    /// <summary>The host's own boot order: used to redirect a plain boot's console to SOL.</summary>
    Default,
    Pxe,
    HardDisk,

    /// <summary>The hard disk in the OS's safe mode (ASF "hard disk, safe mode"; AMT_BootSettingData.UseSafeMode).</summary>
    HardDiskSafeMode,
    CdDvd,
    Diagnostics,
    BiosSetup,
    IderCd,
    IderFloppy,
}

/// <summary>A power action that boots somewhere particular, optionally with the console redirected to SOL.</summary>
public sealed record BootRequest(BootTarget Target, PowerAction Action, bool UseSol = false)
{
    /// <summary>
    /// BIOS setup, IDE-R and SOL redirect the boot: under the "all" consent policy (always so in client control mode)
    /// firmware honours them only with user consent and otherwise boots as usual without saying so.
    /// </summary>
    public bool NeedsConsent => UseSol || Target is BootTarget.BiosSetup or BootTarget.IderCd or BootTarget.IderFloppy;
}

/// <summary>AMT_BootCapabilities: which boot options the platform offers.</summary>
public sealed record BootCapabilities(bool Ider, bool Sol, bool BiosSetup, bool Pxe, bool HardDisk, bool CdDvd, bool Diagnostics);

public static class BootNames
{
    public static string Of(BootTarget target) => target switch
    {
        BootTarget.Default => "default",
        BootTarget.Pxe => "pxe",
        BootTarget.HardDisk => "hdd",
        BootTarget.HardDiskSafeMode => "hdd-safe",
        BootTarget.CdDvd => "cd",
        BootTarget.Diagnostics => "diag",
        BootTarget.BiosSetup => "bios",
        BootTarget.IderCd => "ider-cd",
        BootTarget.IderFloppy => "ider-floppy",
        _ => target.ToString(),
    };

    public static string Describe(BootTarget target) => target switch
    {
        BootTarget.Default => "its own boot order",
        BootTarget.Pxe => "network (PXE)",
        BootTarget.HardDisk => "hard disk",
        BootTarget.HardDiskSafeMode => "hard disk (safe mode)",
        BootTarget.CdDvd => "CD/DVD",
        BootTarget.Diagnostics => "diagnostics",
        BootTarget.BiosSetup => "BIOS setup",
        BootTarget.IderCd => "IDE-R CD",
        BootTarget.IderFloppy => "IDE-R floppy",
        _ => target.ToString(),
    };
}
