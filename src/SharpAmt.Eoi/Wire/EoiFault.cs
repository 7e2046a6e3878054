namespace SharpAmt.Eoi.Wire;

/// <summary>A SOAP 1.1 fault: <c>faultcode</c> (Client or Server, without prefix) and <c>faultstring</c>.</summary>
public sealed record EoiFault(string Code, string Reason)
{
    public const string Client = "Client";
    public const string Server = "Server";
}

/// <summary>What a reply body held: a response or a fault.</summary>
public sealed record EoiReply(EoiResponse? Response, EoiFault? Fault);
