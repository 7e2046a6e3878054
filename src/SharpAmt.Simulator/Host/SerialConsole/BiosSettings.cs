namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// What BIOS setup saves in the simulated host's NVRAM: the boot order a boot without an AMT boot option
/// follows. Kept across boots; changed only by "Save Changes" in setup.
/// </summary>
public sealed class BiosSettings
{
    public static IReadOnlyList<BootDevice> DefaultBootOrder { get; } = [BootDevice.HardDisk, BootDevice.Pxe, BootDevice.CdDvd];

    private IReadOnlyList<BootDevice> _bootOrder = DefaultBootOrder;

    public IReadOnlyList<BootDevice> BootOrder
    {
        get => Volatile.Read(ref _bootOrder);
        set
        {
            if (value.Count != DefaultBootOrder.Count || value.Distinct().Count() != value.Count || value.Any(device => !DefaultBootOrder.Contains(device)))
            {
                throw new ArgumentException("the boot order must list the hard disk, the network and the CD/DVD drive once each", nameof(value));
            }

            Volatile.Write(ref _bootOrder, value.ToArray());
        }
    }

    /// <summary>How setup names a boot option.</summary>
    public static string Label(BootDevice device) => device switch
    {
        BootDevice.HardDisk => "debian (Samsung SSD 860 EVO 500GB)",
        BootDevice.Pxe => "UEFI: PXE IPv4 Intel(R) Ethernet I219-LM",
        BootDevice.CdDvd => "UEFI: HL-DT-ST DVDRAM GUD1N",
        _ => device.ToString(),
    };
}
