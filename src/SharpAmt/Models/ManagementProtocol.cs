namespace SharpAmt;

/// <summary>Which management API a device is spoken to with.</summary>
public enum ManagementProtocol
{
    /// <summary>Chosen from the firmware version: EOI SOAP before AMT 6, WS-Management from AMT 6 on.</summary>
    Auto,

    /// <summary>WS-Management (AMT 3.2 and later; complete from AMT 6).</summary>
    WsMan,

    /// <summary>The legacy EOI SOAP API (AMT 2.5 to 8; removed in AMT 9).</summary>
    Eoi,
}

public static class ProtocolNames
{
    public static string Of(ManagementProtocol protocol) => protocol switch
    {
        ManagementProtocol.WsMan => "wsman",
        ManagementProtocol.Eoi => "eoi",
        _ => "auto",
    };
}
