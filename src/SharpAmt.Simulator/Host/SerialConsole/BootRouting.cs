namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>Which stage a boot goes to after POST: AMT's boot option if one applied, else the saved boot order.</summary>
internal static class BootRouting
{
    public static IConsoleStage For(BootDevice device, BiosSettings bios) => device switch
    {
        BootDevice.Default => For(bios.BootOrder[0], bios),
        BootDevice.BiosSetup => new BiosSetupStage(),
        BootDevice.Pxe => new PxeStage(),
        BootDevice.HardDisk => new GrubStage(),
        _ => new BootMediaStage(device),
    };
}
