using System.Xml.Linq;
using SharpAmt.Transport;

namespace SharpAmt.WsMan.Wire;

/// <summary>
/// Reads replies on the client side by namespace, never by prefix, tolerating whitespace and any element
/// order within the header.
/// </summary>
public static class WsManResponseReader
{
    public static WsManResponse Read(ReadOnlyMemory<byte> body, int maxCharacters = SecureXml.DefaultMaxCharacters)
    {
        var envelope = SecureXml.LoadSoapEnvelope(body, maxCharacters);

        var header = XmlTree.Child(envelope, WsManNamespaces.Soap, "Header");
        var bodyElement = XmlTree.Child(envelope, WsManNamespaces.Soap, "Body")
            ?? throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, "envelope without Body");
        var first = bodyElement.Elements().FirstOrDefault();
        return new WsManResponse(
            Text(header, WsManNamespaces.Addressing, "Action") ?? "",
            Text(header, WsManNamespaces.Addressing, "RelatesTo") ?? "",
            ReadBody(first))
        {
            MessageId = Text(header, WsManNamespaces.Addressing, "MessageID") ?? "",
            ResourceUri = Text(header, WsManNamespaces.WsMan, "ResourceURI"),
            DeclaresCommonNamespace = envelope.Attributes().Any(attribute => attribute.IsNamespaceDeclaration && attribute.Value == WsManNamespaces.Common),
        };
    }

    private static WsManResponseBody ReadBody(XElement? first)
    {
        if (first is null)
        {
            return EmptyResponseBody.Instance;
        }

        var ns = first.Name.NamespaceName;
        var name = first.Name.LocalName;
        if (ns == WsManNamespaces.Soap && name == "Fault")
        {
            return new FaultResponseBody(ReadFault(first));
        }

        if (ns == WsManNamespaces.Enumeration)
        {
            switch (name)
            {
                case "EnumerateResponse":
                    return new EnumerateResponseBody(
                        Text(first, WsManNamespaces.Enumeration, "EnumerationContext")?.Trim()
                        ?? throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, "EnumerateResponse without EnumerationContext"));

                case "PullResponse":
                    var items = XmlTree.Child(first, WsManNamespaces.Enumeration, "Items")?.Elements().Select(ReadItem).ToArray() ?? [];
                    return new PullResponseBody(
                        items,
                        Text(first, WsManNamespaces.Enumeration, "EnumerationContext")?.Trim(),
                        XmlTree.Child(first, WsManNamespaces.Enumeration, "EndOfSequence") is not null);

                case "ReleaseResponse":
                    return EmptyResponseBody.Instance;
            }
        }

        if (ns == WsManNamespaces.Transfer && name == "ResourceCreated")
        {
            var reference = XmlTree.ToElement(first).AsReference()
                ?? throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, "ResourceCreated without a reference");
            return new CreatedResponseBody(reference);
        }

        if (!first.HasElements && first.Value.Length > 0)
        {
            // An object keeps only child elements; a bare value would lose its text.
            return new ValueResponseBody(XmlTree.ToElement(first));
        }

        return new ObjectResponseBody(XmlTree.ToObject(first));
    }

    private static PulledItem ReadItem(XElement item)
    {
        if (item.Name.LocalName == "Item" && item.Name.NamespaceName == WsManNamespaces.WsMan)
        {
            WsManObject? value = null;
            EndpointReference? reference = null;
            foreach (var part in item.Elements())
            {
                if (part.Name.LocalName == "EndpointReference")
                {
                    reference = XmlTree.ToElement(part).AsReference();
                }
                else
                {
                    value ??= XmlTree.ToObject(part);
                }
            }

            return new PulledItem(value, reference);
        }

        // Some firmware writes the reference without its namespace; match by local name.
        return item.Name.LocalName == "EndpointReference"
            ? new PulledItem(null, XmlTree.ToElement(item).AsReference())
            : new PulledItem(XmlTree.ToObject(item), null);
    }

    private static WsManFault ReadFault(XElement fault)
    {
        var code = XmlTree.Child(fault, WsManNamespaces.Soap, "Code");
        var codeValue = Text(code, WsManNamespaces.Soap, "Value") ?? "";
        var subcodeElement = XmlTree.Child(XmlTree.Child(code, WsManNamespaces.Soap, "Subcode"), WsManNamespaces.Soap, "Value");
        var (subcodeNamespace, subcode) = ResolveQualifiedName(subcodeElement);
        var reason = XmlTree.Child(XmlTree.Child(fault, WsManNamespaces.Soap, "Reason"), WsManNamespaces.Soap, "Text")?.Value.Trim() ?? "";
        var detail = XmlTree.Child(fault, WsManNamespaces.Soap, "Detail");
        var detailText = XmlTree.ChildByLocalName(detail, "FaultDetail")?.Value.Trim()
            ?? (detail is not null && !detail.HasElements && detail.Value.Trim().Length > 0 ? detail.Value.Trim() : null);
        return new WsManFault(LocalPart(codeValue), subcodeNamespace, subcode, reason, detailText);
    }

    private static (string Namespace, string Local) ResolveQualifiedName(XElement? element)
    {
        if (element is null)
        {
            return ("", "");
        }

        var text = element.Value.Trim();
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (element.GetDefaultNamespace().NamespaceName, text);
        }

        var ns = element.GetNamespaceOfPrefix(text[..colon])?.NamespaceName ?? "";
        return (ns, text[(colon + 1)..]);
    }

    private static string LocalPart(string qualified)
    {
        var colon = qualified.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? qualified.Trim() : qualified[(colon + 1)..].Trim();
    }

    private static string? Text(XElement? parent, string ns, string name) => XmlTree.Child(parent, ns, name)?.Value;
}
