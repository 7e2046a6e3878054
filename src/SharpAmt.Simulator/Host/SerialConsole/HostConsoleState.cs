namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>Where the simulated host's console script is.</summary>
public enum HostConsoleState
{
    /// <summary>The host is off, asleep or hibernating: nothing is written.</summary>
    Off,
    Post,
    BiosSetup,
    Pxe,

    /// <summary>Booting from a CD/DVD, the diagnostics partition or an IDE-R medium.</summary>
    BootMedia,
    Grub,
    MemoryTest,
    Linux,
    Login,
    Shell,

    /// <summary>The OS runs with no login on the serial port (no getty on ttyS1); keystrokes go nowhere.</summary>
    OsRunning,

    /// <summary>The host waits for something outside the console: a restart it asked for, or a boot image that the simulator does not run.</summary>
    Halted,
}
