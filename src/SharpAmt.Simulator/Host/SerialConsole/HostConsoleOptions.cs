namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>How the simulated host behaves on its serial console (the port AMT redirects over SOL).</summary>
public sealed record HostConsoleOptions
{
    public static HostConsoleOptions Default { get; } = new();

    /// <summary>
    /// The pause before each scripted line, so a boot scrolls past a SOL viewer over a few hundred milliseconds
    /// as a real one does; zero writes everything at once (tests).
    /// </summary>
    public TimeSpan LinePace { get; init; } = TimeSpan.FromMilliseconds(12);

    /// <summary>How long the GRUB menu waits before booting its default entry; zero boots it at once.</summary>
    public TimeSpan GrubTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// BIOS console redirection always on, as a BIOS option: POST and BIOS setup reach the serial port on every
    /// boot, not only on boots that AMT asked to redirect (UseSOL).
    /// </summary>
    public bool BiosRedirectionAlwaysOn { get; init; }

    /// <summary>
    /// False leaves the serial port to something else (a test's echo, the SOL latency benchmark): the host
    /// then writes nothing and ignores keystrokes.
    /// </summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Whether the simulated OS runs a getty on ttyS1, that is, offers a login prompt over SOL.</summary>
    public bool SerialGetty { get; init; } = true;
}
