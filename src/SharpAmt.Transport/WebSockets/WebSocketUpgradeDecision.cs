namespace SharpAmt.Transport.WebSockets;

/// <summary>What <see cref="WebSocketUpgrade.Decide"/> made of a request: accepted with its answer's values, or refused and why.</summary>
/// <param name="Refusal">Why it is refused; null when accepted.</param>
/// <param name="Detail">The offending value, printable and short, when one helps (the origin, the version).</param>
/// <param name="AcceptKey">Sec-WebSocket-Accept for the answer.</param>
/// <param name="SubProtocol">The subprotocol echoed, if any.</param>
/// <param name="Origin">The page's origin as sent, for the log; null from a program.</param>
/// <param name="Target">The request target (path and query).</param>
public sealed record WebSocketUpgradeDecision(WebSocketRefusal? Refusal, string? Detail, string? AcceptKey, string? SubProtocol, string? Origin, string? Target)
{
    public bool IsAccepted => Refusal is null;

    public static WebSocketUpgradeDecision Accept(string acceptKey, string? subProtocol, string? origin, string target) =>
        new(null, null, acceptKey, subProtocol, origin, target);

    public static WebSocketUpgradeDecision Refuse(WebSocketRefusal refusal, string? detail = null) =>
        new(refusal, detail, null, null, null, null);

    /// <summary>One line for a log: the status, the reason and the offending value.</summary>
    public string Describe() => Refusal is not { } refusal
        ? "accepted"
        : (WebSocketRefusals.StatusCode(refusal) is > 0 and var status ? $"{status}, " : "") + WebSocketRefusals.Describe(refusal) + (Detail is null ? "" : $" ({Detail})");
}
