namespace SharpAmt;

/// <summary>AMT_GeneralSettings: the management identity of the device.</summary>
public sealed record GeneralSettings(
    string HostName,
    string DomainName,
    string DigestRealm,
    bool? NetworkInterfaceEnabled,
    bool? PingResponseEnabled,
    bool? SharedFqdn)
{
    public string Fqdn => DomainName.Length == 0 ? HostName : $"{HostName}.{DomainName}";
}
