namespace SharpAmt.WsMan.Wire;

/// <summary>A WS-Man response, as a device writes it and a client reads it.</summary>
public sealed record WsManResponse(string Action, string RelatesTo, WsManResponseBody Body)
{
    public string MessageId { get; init; } = "";

    /// <summary>The requested class's URI; absent on faults.</summary>
    public string? ResourceUri { get; init; }

    /// <summary>
    /// Whether the envelope declares the CIM common namespace even when no property uses it. Real firmware
    /// does this for some classes; it is a fidelity detail of the device side only.
    /// </summary>
    public bool DeclaresCommonNamespace { get; init; }
}

public abstract record WsManResponseBody;

/// <summary>A Get, Put or method reply carrying one object.</summary>
public sealed record ObjectResponseBody(WsManObject Object) : WsManResponseBody;

public sealed record EnumerateResponseBody(string Context) : WsManResponseBody;

/// <summary>A Pull reply: items, and a context when more remain, or the end-of-sequence mark.</summary>
public sealed record PullResponseBody(IReadOnlyList<PulledItem> Items, string? Context, bool EndOfSequence) : WsManResponseBody;

/// <summary>An enumerated item: the object, its reference, or both (EnumerateObjectAndEPR).</summary>
public sealed record PulledItem(WsManObject? Object, EndpointReference? Reference);

public sealed record CreatedResponseBody(EndpointReference Reference) : WsManResponseBody;

/// <summary>A reply whose body is one bare value rather than an object, such as <c>&lt;g:ReturnValue&gt;0&lt;/g:ReturnValue&gt;</c>.</summary>
public sealed record ValueResponseBody(WsManElement Value) : WsManResponseBody;

/// <summary>A Delete or Release reply, or any reply with an empty body.</summary>
public sealed record EmptyResponseBody : WsManResponseBody
{
    public static EmptyResponseBody Instance { get; } = new();
}

public sealed record FaultResponseBody(WsManFault Fault) : WsManResponseBody;
