using System.Xml.Linq;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Cli.Commands.WsMan;

/// <summary>WS-Man objects as indented XML, with the usual prefixes for addressing, WS-Man and xsi.</summary>
internal static class ObjectXml
{
    private static readonly XNamespace Xsi = WsManNamespaces.XmlSchemaInstance;

    public static string Render(WsManObject instance) => Root(instance.ToElement()).ToString();

    public static string Render(EndpointReference reference) => Root(reference.ToEndpointReferenceElement()).ToString();

    private static XElement Root(WsManElement element)
    {
        var root = Convert(element);
        root.Add(
            new XAttribute(XNamespace.Xmlns + "a", WsManNamespaces.Addressing),
            new XAttribute(XNamespace.Xmlns + "w", WsManNamespaces.WsMan),
            new XAttribute(XNamespace.Xmlns + "xsi", WsManNamespaces.XmlSchemaInstance));
        return root;
    }

    private static XElement Convert(WsManElement element)
    {
        var converted = new XElement(XName.Get(element.Name, element.Namespace));
        foreach (var attribute in element.Attributes)
        {
            converted.Add(new XAttribute(XName.Get(attribute.Name, attribute.Namespace), attribute.Value));
        }

        if (element.IsNil)
        {
            converted.Add(new XAttribute(Xsi + "nil", "true"));
        }
        else if (element.IsLeaf)
        {
            converted.Value = element.Text ?? "";
        }
        else
        {
            converted.Add(element.Children.Select(Convert));
        }

        return converted;
    }
}
