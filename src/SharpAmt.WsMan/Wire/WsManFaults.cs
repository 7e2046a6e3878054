namespace SharpAmt.WsMan.Wire;

/// <summary>The standard faults of DSP0226 with the reason texts services send.</summary>
public static class WsManFaults
{
    public const string Sender = "Sender";
    public const string Receiver = "Receiver";
    public const string FaultDetailBase = "http://schemas.dmtf.org/wbem/wsman/1/wsman/faultDetail/";

    public static WsManFault DestinationUnreachable(string? detail = null) => new(Sender, WsManNamespaces.Addressing, "DestinationUnreachable",
        "No route can be determined to reach the destination role defined by the WS-Addressing To.", detail);

    public static WsManFault ActionNotSupported() => new(Sender, WsManNamespaces.Addressing, "ActionNotSupported",
        "The action is not supported by the service.");

    public static WsManFault InvalidSelectors(string? detail = null) => new(Sender, WsManNamespaces.WsMan, "InvalidSelectors",
        "The Selectors for the resource were not valid.", detail);

    public static WsManFault AccessDenied() => new(Sender, WsManNamespaces.WsMan, "AccessDenied",
        "The sender was not authorized to access the resource.");

    public static WsManFault InvalidRepresentation(string? detail = null) => new(Sender, WsManNamespaces.WsMan, "InvalidRepresentation",
        "The XML content was invalid.", detail);

    public static WsManFault SchemaValidationError() => new(Sender, WsManNamespaces.WsMan, "SchemaValidationError",
        "The supplied SOAP violates the corresponding XML Schema definition.");

    public static WsManFault AlreadyExists() => new(Sender, WsManNamespaces.WsMan, "AlreadyExists",
        "The sender attempted to create a resource which already exists.");

    public static WsManFault InternalError() => new(Receiver, WsManNamespaces.WsMan, "InternalError",
        "The service cannot comply with the request due to internal processing errors.");

    public static WsManFault InvalidEnumerationContext() => new(Receiver, WsManNamespaces.Enumeration, "InvalidEnumerationContext",
        "The supplied enumeration context is invalid.");

    public static WsManFault EncodingLimit(string? detail = null) => new(Sender, WsManNamespaces.WsMan, "EncodingLimit",
        "An internal encoding limit was exceeded in a request or would be violated if the message were processed.", detail);

    public static WsManFault UnsupportedFeature(string? detail = null) => new(Sender, WsManNamespaces.WsMan, "UnsupportedFeature",
        "The specified feature is not supported.", detail);

    public static WsManFault InvalidParameter() => new(Sender, WsManNamespaces.WsMan, "InvalidParameter",
        "An operation parameter is not valid.");
}
