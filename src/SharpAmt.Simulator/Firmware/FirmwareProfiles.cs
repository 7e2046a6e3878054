namespace SharpAmt.Simulator.Firmware;

/// <summary>The firmware generations the simulator reproduces.</summary>
public static class FirmwareProfiles
{
    /// <summary>AMT 2.6 (GM965/ICH8M notebooks): EOI only.</summary>
    public static FirmwareProfile Amt2 { get; } = new() { Version = new(2, 6, 3), Build = 1031, NetworkController = "Intel(R) 82566MM Gigabit Network Connection" };

    /// <summary>AMT 3.2 (Q35/ICH9DO desktops): EOI and the first DSP0226 WS-Man.</summary>
    public static FirmwareProfile Amt3 { get; } = new() { Version = new(3, 2, 20), Build = 1012, NetworkController = "Intel(R) 82566DM-2 Gigabit Network Connection" };

    /// <summary>AMT 5.2 (Q45/ICH10DO): EOI and WS-Man.</summary>
    public static FirmwareProfile Amt5 { get; } = new() { Version = new(5, 2, 70), Build = 1016, NetworkController = "Intel(R) 82567LM-3 Gigabit Network Connection" };

    public static FirmwareProfile Amt6 { get; } = new() { Version = new(6, 2, 61), Build = 3535, NetworkController = "Intel(R) 82578DM Gigabit Network Connection" };

    /// <summary>AMT 8.1: the last generation with EOI, beside WS-Man.</summary>
    public static FirmwareProfile Amt8 { get; } = new() { Version = new(8, 1, 71), Build = 3608, NetworkController = "Intel(R) 82579LM Gigabit Network Connection" };

    public static FirmwareProfile Amt11 { get; } = new() { Version = new(11, 8, 50), Build = 3425 };

    public static FirmwareProfile Amt12 { get; } = new() { Version = new(12, 0, 67), Build = 1579 };

    public static FirmwareProfile Amt16 { get; } = new() { Version = new(16, 1, 25), Build = 2124 };

    public static IReadOnlyList<FirmwareProfile> All { get; } = [Amt2, Amt3, Amt5, Amt6, Amt8, Amt11, Amt12, Amt16];

    public static FirmwareProfile Default => Amt12;

    /// <summary>Finds a profile by version text ("12.0.67", "12.0", "12"); null when none matches.</summary>
    public static FirmwareProfile? Find(string text)
    {
        foreach (var profile in All)
        {
            var version = profile.Version.ToString();
            if (text == version || text == profile.ServerVersion
                || version.StartsWith(text + ".", StringComparison.Ordinal))
            {
                return profile;
            }
        }

        return null;
    }

    public static string Known => string.Join(", ", All.Select(profile => profile.Version.ToString()));
}
