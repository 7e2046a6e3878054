namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>The fixed facts of the simulated PC and its Debian installation, printed by BIOS, GRUB and Linux.</summary>
internal static class SimulatedMachine
{
    public const string BiosVersion = "SHARPAMT 1.07 x64";
    public const string BiosDate = "03/14/2024 10:21:33";
    public const string Cpu = "Intel(R) Core(TM) i5-8500 CPU @ 3.00GHz";
    public const int MemoryMegabytes = 16384;
    public const string Disk = "Samsung SSD 860 EVO 500GB";
    public const string Kernel = "6.1.0-18-amd64";
    public const string KernelBuild = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.76-1 (2024-02-01)";
    public const string OsName = "Debian GNU/Linux 12";
    public const string RootUuid = "5b1c3f0e-2d4a-4b8e-9c61-7e0f2a9d3c55";
    public const string KernelCommandLine = $"BOOT_IMAGE=/boot/vmlinuz-{Kernel} root=UUID={RootUuid} ro console=tty0 console=ttyS1,115200n8";

    /// <summary>The OS account for the serial login (documented in the README).</summary>
    public const string User = "user";

    public const string Password = "user";
}
