namespace SharpAmt.Cli.Commands.Power;

internal static class BootTargets
{
    public static readonly (string Name, BootTarget? Value)[] All =
    [
        ("pxe", BootTarget.Pxe),
        ("hdd", BootTarget.HardDisk),
        ("hdd-safe", BootTarget.HardDiskSafeMode),
        ("cd", BootTarget.CdDvd),
        ("diag", BootTarget.Diagnostics),
        ("bios", BootTarget.BiosSetup),
        ("ider-cd", BootTarget.IderCd),
        ("ider-floppy", BootTarget.IderFloppy),
    ];
}
