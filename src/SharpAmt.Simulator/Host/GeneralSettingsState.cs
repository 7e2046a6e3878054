namespace SharpAmt.Simulator.Host;

/// <summary>The writable part of AMT_GeneralSettings (EOI reaches the same values through NetworkAdministration).</summary>
public sealed class GeneralSettingsState
{
    public required string HostName { get; set; }

    public required string DomainName { get; set; }

    public string HostOsFqdn { get; set; } = "";

    /// <summary>Whether the ME answers ICMP echo.</summary>
    public bool PingResponseEnabled { get; set; } = true;

    /// <summary>Whether the ME answers ASF RMCP presence pings (port 623).</summary>
    public bool RmcpPingResponseEnabled { get; set; } = true;

    /// <summary>True: the ME's FQDN is the host OS's (shared); false: its own.</summary>
    public bool SharedFqdn { get; set; } = true;

    /// <summary>Whether the ME registers its name with dynamic DNS.</summary>
    public bool DynamicDnsUpdateEnabled { get; set; }

    /// <summary>Other writable fields as last Put, by name.</summary>
    public Dictionary<string, string> Extra { get; } = new(StringComparer.Ordinal);
}
