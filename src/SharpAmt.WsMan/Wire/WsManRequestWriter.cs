using System.Globalization;

namespace SharpAmt.WsMan.Wire;

/// <summary>
/// Writes requests in the shape MeshCommander and MeshCentral send, which every AMT generation accepts:
/// an unprefixed SOAP 1.2 Envelope declaring xsi, xsd, a (addressing) and w (wsman); header children in
/// the order Action, To, ResourceURI, MessageID, ReplyTo, OperationTimeout, SelectorSet.
/// </summary>
public static class WsManRequestWriter
{
    private static readonly KeyValuePair<string, string>[] Prefixes =
    [
        new(WsManNamespaces.Soap, ""),
        new(WsManNamespaces.XmlSchemaInstance, "xsi"),
        new(WsManNamespaces.XmlSchema, "xsd"),
        new(WsManNamespaces.Addressing, "a"),
        new(WsManNamespaces.WsMan, "w"),
    ];

    public static byte[] Write(WsManRequest request)
    {
        var writer = new XmlWireWriter(Prefixes);
        writer.Raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        writer.Raw("<Envelope xmlns:xsi=\"" + WsManNamespaces.XmlSchemaInstance + "\" xmlns:xsd=\"" + WsManNamespaces.XmlSchema +
                   "\" xmlns:a=\"" + WsManNamespaces.Addressing + "\" xmlns:w=\"" + WsManNamespaces.WsMan +
                   "\" xmlns=\"" + WsManNamespaces.Soap + "\">");
        writer.Raw("<Header>");
        writer.Leaf(WsManNamespaces.Addressing, "Action", request.Action);
        writer.Leaf(WsManNamespaces.Addressing, "To", request.To);
        writer.Leaf(WsManNamespaces.WsMan, "ResourceURI", request.ResourceUri);
        writer.Leaf(WsManNamespaces.Addressing, "MessageID", request.MessageId);
        writer.Raw("<a:ReplyTo><a:Address>" + WsManNamespaces.Anonymous + "</a:Address></a:ReplyTo>");
        if (request.OperationTimeout is not null)
        {
            writer.Leaf(WsManNamespaces.WsMan, "OperationTimeout", request.OperationTimeout);
        }

        if (request.MaxEnvelopeSize is { } size)
        {
            writer.Leaf(WsManNamespaces.WsMan, "MaxEnvelopeSize", size.ToString(CultureInfo.InvariantCulture));
        }

        if (request.Selectors.Count > 0)
        {
            writer.Element(EndpointReference.SelectorSetElement(request.Selectors));
        }

        writer.Raw("</Header>");
        WriteBody(writer, request.Body);
        writer.Raw("</Envelope>");
        return writer.ToUtf8();
    }

    private static void WriteBody(XmlWireWriter writer, WsManRequestBody? body)
    {
        switch (body)
        {
            case null:
                writer.Raw("<Body />");
                break;

            case ObjectRequestBody objectBody:
                writer.Raw("<Body>");
                WriteObject(writer, objectBody.Object);
                writer.Raw("</Body>");
                break;

            case EnumerateRequestBody enumerate:
                writer.Raw("<Body><Enumerate xmlns=\"" + WsManNamespaces.Enumeration + "\">");
                if (enumerate.Mode != EnumerationMode.Objects)
                {
                    writer.Leaf(WsManNamespaces.WsMan, "EnumerationMode", enumerate.Mode == EnumerationMode.References ? "EnumerateEPR" : "EnumerateObjectAndEPR");
                }

                if (enumerate.Optimize)
                {
                    writer.Raw("<w:OptimizeEnumeration></w:OptimizeEnumeration>");
                }

                if (enumerate.MaxElements is { } enumerateMax)
                {
                    writer.Leaf(WsManNamespaces.WsMan, "MaxElements", enumerateMax.ToString(CultureInfo.InvariantCulture));
                }

                writer.Raw("</Enumerate></Body>");
                break;

            case PullRequestBody pull:
                writer.Raw("<Body><Pull xmlns=\"" + WsManNamespaces.Enumeration + "\"><EnumerationContext>");
                writer.Text(pull.Context);
                writer.Raw("</EnumerationContext>");
                if (pull.MaxElements is { } pullMax)
                {
                    writer.Raw("<MaxElements>" + pullMax.ToString(CultureInfo.InvariantCulture) + "</MaxElements>");
                }

                writer.Raw("</Pull></Body>");
                break;

            case ReleaseRequestBody release:
                writer.Raw("<Body><Release xmlns=\"" + WsManNamespaces.Enumeration + "\"><EnumerationContext>");
                writer.Text(release.Context);
                writer.Raw("</EnumerationContext></Release></Body>");
                break;
        }
    }

    /// <summary>The object element declares its own class prefix: <c>&lt;r:Class xmlns:r="uri"&gt;</c>.</summary>
    private static void WriteObject(XmlWireWriter writer, WsManObject value)
    {
        var inner = new XmlWireWriter(Prefixes.Append(new(value.Namespace, "r")));
        inner.Raw("<r:" + value.Name + " xmlns:r=\"" + value.Namespace + "\">");
        foreach (var property in value.Properties)
        {
            inner.Element(property);
        }

        inner.Raw("</r:" + value.Name + ">");
        writer.Raw(inner.ToString());
    }
}
