namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>What the simulated machine prints about itself: names, addresses and versions.</summary>
/// <param name="HostName">The OS host name, read at each use since AMT's settings can rename it.</param>
/// <param name="MacAddress">The wired MAC address, as hex pairs.</param>
/// <param name="Uuid">The SMBIOS system UUID.</param>
/// <param name="AmtVersion">The ME firmware version, as MEBx shows it.</param>
public sealed record HostFacts(Func<string> HostName, IReadOnlyList<byte> MacAddress, Guid Uuid, string AmtVersion)
{
    /// <summary>"00 1B 21 0A 0B 0C", the way the Intel Boot Agent prints it.</summary>
    public string MacSpaced => string.Join(' ', MacAddress.Select(part => part.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>"00:1b:21:0a:0b:0c", the way Linux prints it.</summary>
    public string MacColons => string.Join(':', MacAddress.Select(part => part.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
