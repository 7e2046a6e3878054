namespace SharpAmt.WsMan.Wire;

/// <summary>A SOAP 1.2 fault as WS-Man carries it: code, subcode (a qualified name), reason, optional detail URI.</summary>
public sealed record WsManFault(string Code, string SubcodeNamespace, string Subcode, string Reason, string? Detail = null)
{
    public override string ToString() => $"{Subcode}: {Reason}";
}
