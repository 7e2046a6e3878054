using SharpAmt.Cli.Output;

namespace SharpAmt.Cli.Commands.Info;

internal sealed record InfoView(
    string Endpoint,
    FirmwareView Firmware,
    string? ServerHeader,
    string HostName,
    string DomainName,
    string Fqdn,
    string DigestRealm,
    string? Uuid,
    string ControlMode,
    PowerView Power,
    string Protocol)
{
    public static InfoView From(DeviceInfo info, string? realm) => new(
        info.Endpoint,
        new FirmwareView(info.Version?.ToString(), info.Version is null ? null : Names.Of(info.Version.Source)),
        info.ServerHeader,
        info.General.HostName,
        info.General.DomainName,
        info.General.Fqdn,
        info.General.DigestRealm.Length > 0 ? info.General.DigestRealm : realm ?? "",
        info.Uuid?.ToString(),
        Names.Of(info.ControlMode),
        PowerView.From(info.Power),
        ProtocolNames.Of(info.Protocol));
}

/// <summary>The firmware version and where it was read: CIM_SoftwareIdentity, or the Server header on older firmware.</summary>
internal sealed record FirmwareView(string? Version, string? Source);
