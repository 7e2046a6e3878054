namespace SharpAmt.Simulator.Firmware;

/// <summary>The firmware generations the simulator reproduces.</summary>
public static class FirmwareProfiles
{
    public static FirmwareProfile Amt6 { get; } = new() { Version = new(6, 2, 61), Build = 3535 };

    public static FirmwareProfile Amt8 { get; } = new() { Version = new(8, 1, 71), Build = 3608 };

    public static FirmwareProfile Amt11 { get; } = new() { Version = new(11, 8, 50), Build = 3425 };

    public static FirmwareProfile Amt12 { get; } = new() { Version = new(12, 0, 67), Build = 1579 };

    public static FirmwareProfile Amt16 { get; } = new() { Version = new(16, 1, 25), Build = 2124 };

    public static IReadOnlyList<FirmwareProfile> All { get; } = [Amt6, Amt8, Amt11, Amt12, Amt16];

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
