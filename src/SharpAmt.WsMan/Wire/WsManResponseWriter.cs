namespace SharpAmt.WsMan.Wire;

/// <summary>
/// Writes replies exactly as AMT firmware does (reference section 3.4): fixed prefixes per reply type, all
/// declared on the Envelope in firmware order, header children To, RelatesTo, Action (mustUnderstand),
/// MessageID, ResourceURI, no whitespace, and empty elements as open/close pairs.
/// </summary>
public static class WsManResponseWriter
{
    private static readonly (string Prefix, string Namespace)[] Base =
    [
        ("a", WsManNamespaces.Soap),
        ("b", WsManNamespaces.Addressing),
        ("c", WsManNamespaces.WsMan),
        ("d", WsManNamespaces.Trust),
        ("e", WsManNamespaces.SecExt),
        ("f", WsManNamespaces.CimBinding),
    ];

    /// <summary>Faults declare a different set, in this order, which tells the subcode's specification by its prefix.</summary>
    private static readonly (string Prefix, string Namespace)[] FaultPrefixes =
    [
        ("g", WsManNamespaces.CimBinding),
        ("f", WsManNamespaces.Eventing),
        ("e", WsManNamespaces.WsMan),
        ("d", WsManNamespaces.Transfer),
        ("c", WsManNamespaces.Enumeration),
        ("b", WsManNamespaces.Addressing),
        ("a", WsManNamespaces.Soap),
        ("h", WsManNamespaces.Trust),
        ("i", WsManNamespaces.SecExt),
        ("xsi", WsManNamespaces.XmlSchemaInstance),
    ];

    public static byte[] Write(WsManResponse response)
    {
        var declarations = Declarations(response);
        var writer = new XmlWireWriter(declarations.Select(pair => new KeyValuePair<string, string>(pair.Namespace, pair.Prefix)));
        writer.Raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope");
        foreach (var (prefix, ns) in declarations)
        {
            writer.Raw($" xmlns:{prefix}=\"{ns}\"");
        }

        writer.Raw("><a:Header>");
        writer.Leaf(WsManNamespaces.Addressing, "To", WsManNamespaces.Anonymous);
        writer.Leaf(WsManNamespaces.Addressing, "RelatesTo", response.RelatesTo);
        var action = writer.StartElement(WsManNamespaces.Addressing, "Action");
        writer.Attribute("a:mustUnderstand", "true");
        writer.CloseStartTag();
        writer.Text(response.Action);
        writer.EndElement(action);
        writer.Leaf(WsManNamespaces.Addressing, "MessageID", response.MessageId);
        if (response.ResourceUri is not null && response.Body is not FaultResponseBody)
        {
            writer.Leaf(WsManNamespaces.WsMan, "ResourceURI", response.ResourceUri);
        }

        writer.Raw("</a:Header><a:Body>");
        WriteBody(writer, response.Body);
        writer.Raw("</a:Body></a:Envelope>");
        return writer.ToUtf8();
    }

    private static void WriteBody(XmlWireWriter writer, WsManResponseBody body)
    {
        switch (body)
        {
            case ObjectResponseBody objectBody:
                writer.Element(objectBody.Object.ToElement());
                break;

            case EnumerateResponseBody enumerate:
                writer.Raw("<g:EnumerateResponse><g:EnumerationContext>");
                writer.Text(enumerate.Context);
                writer.Raw("</g:EnumerationContext></g:EnumerateResponse>");
                break;

            case PullResponseBody pull:
                writer.Raw("<g:PullResponse>");
                if (pull.Context is not null)
                {
                    writer.Raw("<g:EnumerationContext>");
                    writer.Text(pull.Context);
                    writer.Raw("</g:EnumerationContext>");
                }

                writer.Raw("<g:Items>");
                foreach (var item in pull.Items)
                {
                    WriteItem(writer, item);
                }

                writer.Raw("</g:Items>");
                if (pull.EndOfSequence)
                {
                    writer.Raw("<g:EndOfSequence></g:EndOfSequence>");
                }

                writer.Raw("</g:PullResponse>");
                break;

            case CreatedResponseBody created:
                writer.Element(created.Reference.ToElement("ResourceCreated", WsManNamespaces.Transfer));
                break;

            case ValueResponseBody value:
                writer.Element(value.Value);
                break;

            case FaultResponseBody fault:
                WriteFault(writer, fault.Fault);
                break;
        }
    }

    private static void WriteItem(XmlWireWriter writer, PulledItem item)
    {
        if (item.Object is not null && item.Reference is not null)
        {
            var wrapper = writer.StartElement(WsManNamespaces.WsMan, "Item");
            writer.CloseStartTag();
            writer.Element(item.Object.ToElement());
            writer.Element(item.Reference.ToEndpointReferenceElement());
            writer.EndElement(wrapper);
        }
        else if (item.Object is not null)
        {
            writer.Element(item.Object.ToElement());
        }
        else if (item.Reference is not null)
        {
            writer.Element(item.Reference.ToEndpointReferenceElement());
        }
    }

    private static void WriteFault(XmlWireWriter writer, WsManFault fault)
    {
        writer.Raw("<a:Fault><a:Code><a:Value>a:");
        writer.Text(fault.Code);
        writer.Raw("</a:Value><a:Subcode><a:Value>");
        writer.Text(writer.PrefixOf(fault.SubcodeNamespace) + ":" + fault.Subcode);
        writer.Raw("</a:Value></a:Subcode></a:Code><a:Reason><a:Text xml:lang=\"en-US\">");
        writer.Text(fault.Reason);
        writer.Raw("</a:Text></a:Reason><a:Detail>");
        if (fault.Detail is not null)
        {
            writer.Leaf(WsManNamespaces.WsMan, "FaultDetail", fault.Detail);
        }

        writer.Raw("</a:Detail></a:Fault>");
    }

    /// <summary>The Envelope's declarations: the reply type's fixed set, then any namespace the body still needs.</summary>
    private static List<(string Prefix, string Namespace)> Declarations(WsManResponse response)
    {
        if (response.Body is FaultResponseBody)
        {
            return [.. FaultPrefixes];
        }

        var declarations = new List<(string Prefix, string Namespace)>(Base);
        var bodyNamespaces = new List<string>();
        switch (response.Body)
        {
            case ObjectResponseBody objectBody:
                bodyNamespaces.Add(objectBody.Object.Namespace);
                if (response.DeclaresCommonNamespace)
                {
                    bodyNamespaces.Add(WsManNamespaces.Common);
                }

                Collect(objectBody.Object.ToElement(), bodyNamespaces);
                break;

            case EnumerateResponseBody:
                bodyNamespaces.Add(WsManNamespaces.Enumeration);
                break;

            case PullResponseBody pull:
                bodyNamespaces.Add(WsManNamespaces.Enumeration);
                foreach (var item in pull.Items.Where(item => item.Object is not null))
                {
                    bodyNamespaces.Add(item.Object!.Namespace);
                }

                if (response.DeclaresCommonNamespace)
                {
                    bodyNamespaces.Add(WsManNamespaces.Common);
                }

                foreach (var item in pull.Items)
                {
                    if (item.Object is not null)
                    {
                        Collect(item.Object.ToElement(), bodyNamespaces);
                    }

                    if (item.Reference is not null)
                    {
                        Collect(item.Reference.ToEndpointReferenceElement(), bodyNamespaces);
                    }
                }

                break;

            case ValueResponseBody value:
                Collect(value.Value, bodyNamespaces);
                break;

            case CreatedResponseBody created:
                bodyNamespaces.Add(WsManNamespaces.Transfer);
                Collect(created.Reference.ToEndpointReferenceElement(), bodyNamespaces);
                break;
        }

        var next = 'g';
        foreach (var ns in bodyNamespaces)
        {
            if (declarations.Any(declaration => declaration.Namespace == ns))
            {
                continue;
            }

            declarations.Add((next.ToString(), ns));
            next++;
        }

        declarations.Add(("xsi", WsManNamespaces.XmlSchemaInstance));
        return declarations;
    }

    private static void Collect(WsManElement element, List<string> namespaces)
    {
        namespaces.Add(element.Namespace);
        foreach (var attribute in element.Attributes)
        {
            if (attribute.Namespace.Length > 0 && attribute.Namespace != XmlWireWriter.XmlNamespace)
            {
                namespaces.Add(attribute.Namespace);
            }
        }

        foreach (var child in element.Children)
        {
            Collect(child, namespaces);
        }
    }
}
