using System.Xml.Linq;

namespace SharpAmt.WsMan.Wire;

/// <summary>Converts parsed XML into the <see cref="WsManElement"/> tree, keeping everything but namespace declarations.</summary>
internal static class XmlTree
{
    private static readonly XName Nil = XName.Get("nil", WsManNamespaces.XmlSchemaInstance);

    public static WsManElement ToElement(XElement element)
    {
        var attributes = element.Attributes()
            .Where(attribute => !attribute.IsNamespaceDeclaration && attribute.Name != Nil)
            .Select(attribute => new WsManAttribute(attribute.Name.LocalName, attribute.Name.NamespaceName, attribute.Value))
            .ToArray();
        var isNil = string.Equals((string?)element.Attribute(Nil), "true", StringComparison.OrdinalIgnoreCase);
        var children = element.Elements().Select(ToElement).ToArray();
        return new WsManElement(
            element.Name.LocalName,
            element.Name.NamespaceName,
            children.Length == 0 ? element.Value : null,
            children,
            attributes,
            isNil);
    }

    public static WsManObject ToObject(XElement element) => WsManObject.FromElement(ToElement(element));

    public static XElement? Child(XElement? parent, string ns, string name) => parent?.Element(XName.Get(name, ns));

    /// <summary>A child found by local name alone, for elements whose namespace varies between clients.</summary>
    public static XElement? ChildByLocalName(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(element => element.Name.LocalName == name);
}
