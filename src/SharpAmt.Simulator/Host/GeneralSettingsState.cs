namespace SharpAmt.Simulator.Host;

/// <summary>The writable part of AMT_GeneralSettings.</summary>
public sealed class GeneralSettingsState
{
    public required string HostName { get; set; }

    public required string DomainName { get; set; }

    public string HostOsFqdn { get; set; } = "";

    /// <summary>Other writable fields as last Put, by name.</summary>
    public Dictionary<string, string> Extra { get; } = new(StringComparer.Ordinal);
}
