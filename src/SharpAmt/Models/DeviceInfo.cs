namespace SharpAmt;

/// <summary>How AMT was activated.</summary>
public enum ControlMode
{
    Unknown,
    Admin,
    Client,
}

/// <summary>What <c>amt info</c> shows: identity, firmware, power and activation.</summary>
public sealed record DeviceInfo(
    string Endpoint,
    AmtVersion? Version,
    string? ServerHeader,
    GeneralSettings General,
    Guid? Uuid,
    PowerStatus Power,
    ControlMode ControlMode,
    ManagementProtocol Protocol = ManagementProtocol.WsMan);
