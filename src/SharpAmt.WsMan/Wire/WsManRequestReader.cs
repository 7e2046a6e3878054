using System.Globalization;
using System.Xml.Linq;
using SharpAmt.Transport;

namespace SharpAmt.WsMan.Wire;

/// <summary>
/// Reads requests on the device side, tolerating every real client's habits: any prefixes or none, an
/// unprefixed Envelope, <c>&lt;Body /&gt;</c>, any MessageID string, selectors absent or partial, and the
/// enumeration options amtc and wsman add.
/// </summary>
public static class WsManRequestReader
{
    public static WsManRequest Read(ReadOnlyMemory<byte> body, int maxCharacters = SecureXml.DefaultMaxCharacters)
    {
        var envelope = SecureXml.LoadSoapEnvelope(body, maxCharacters);

        var header = XmlTree.Child(envelope, WsManNamespaces.Soap, "Header")
            ?? throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, "envelope without Header");
        var action = Text(header, WsManNamespaces.Addressing, "Action")
            ?? throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, "request without Action");
        var resourceUri = Text(header, WsManNamespaces.WsMan, "ResourceURI") ?? "";
        var selectorSet = XmlTree.Child(header, WsManNamespaces.WsMan, "SelectorSet");
        var request = new WsManRequest(action.Trim(), resourceUri.Trim())
        {
            MessageId = Text(header, WsManNamespaces.Addressing, "MessageID") ?? "",
            To = Text(header, WsManNamespaces.Addressing, "To") ?? "",
            OperationTimeout = Text(header, WsManNamespaces.WsMan, "OperationTimeout"),
            MaxEnvelopeSize = int.TryParse(Text(header, WsManNamespaces.WsMan, "MaxEnvelopeSize"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) ? size : null,
            Selectors = selectorSet is null
                ? SelectorSet.Empty
                : new SelectorSet(selectorSet.Elements().Where(element => element.Name.LocalName == "Selector").Select(element => EndpointReference.ReadSelector(XmlTree.ToElement(element)))),
        };

        var bodyElement = XmlTree.Child(envelope, WsManNamespaces.Soap, "Body");
        var first = bodyElement?.Elements().FirstOrDefault();
        return request with { Body = ReadBody(request.Action, first) };
    }

    private static WsManRequestBody? ReadBody(string action, XElement? first)
    {
        if (first is null)
        {
            return null;
        }

        switch (action)
        {
            case WsManActions.Enumerate:
                var mode = Text(first, WsManNamespaces.WsMan, "EnumerationMode")?.Trim() switch
                {
                    "EnumerateObjectAndEPR" => EnumerationMode.ObjectsAndReferences,
                    "EnumerateEPR" => EnumerationMode.References,
                    _ => EnumerationMode.Objects,
                };
                return new EnumerateRequestBody(
                    mode,
                    XmlTree.Child(first, WsManNamespaces.WsMan, "OptimizeEnumeration") is not null,
                    ParseCount(Text(first, WsManNamespaces.WsMan, "MaxElements")));

            case WsManActions.Pull:
                return new PullRequestBody(
                    Text(first, WsManNamespaces.Enumeration, "EnumerationContext")?.Trim() ?? "",
                    ParseCount(Text(first, WsManNamespaces.Enumeration, "MaxElements")));

            case WsManActions.Release:
                return new ReleaseRequestBody(Text(first, WsManNamespaces.Enumeration, "EnumerationContext")?.Trim() ?? "");

            default:
                return new ObjectRequestBody(XmlTree.ToObject(first));
        }
    }

    private static int? ParseCount(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    private static string? Text(XElement parent, string ns, string name) => XmlTree.Child(parent, ns, name)?.Value;
}
