namespace SharpAmt.WsMan.Wire;

/// <summary>A WS-Man request, as a client builds it and a device reads it.</summary>
public sealed record WsManRequest(string Action, string ResourceUri)
{
    public string MessageId { get; init; } = "1";

    public string To { get; init; } = "/wsman";

    public SelectorSet Selectors { get; init; } = SelectorSet.Empty;

    /// <summary>xs:duration; AMT enforces a minimum of 30 s.</summary>
    public string? OperationTimeout { get; init; } = "PT60S";

    public int? MaxEnvelopeSize { get; init; }

    public WsManRequestBody? Body { get; init; }
}

public abstract record WsManRequestBody;

/// <summary>The instance of a Put or Create, or a method's <c>_INPUT</c>.</summary>
public sealed record ObjectRequestBody(WsManObject Object) : WsManRequestBody;

public sealed record EnumerateRequestBody(EnumerationMode Mode = EnumerationMode.Objects, bool Optimize = false, int? MaxElements = null) : WsManRequestBody;

public sealed record PullRequestBody(string Context, int? MaxElements = null) : WsManRequestBody;

public sealed record ReleaseRequestBody(string Context) : WsManRequestBody;

public enum EnumerationMode
{
    Objects,
    ObjectsAndReferences,
    References,
}
