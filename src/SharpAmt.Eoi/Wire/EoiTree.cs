using System.Xml.Linq;

namespace SharpAmt.Eoi.Wire;

/// <summary>Parsed XML to <see cref="EoiElement"/>: names by local part, attributes other than xsi:nil ignored.</summary>
internal static class EoiTree
{
    private static readonly XName Nil = XName.Get("nil", EoiNamespaces.XmlSchemaInstance);

    public static EoiElement ToElement(XElement element)
    {
        var name = element.Name.LocalName;
        if (element.HasElements)
        {
            return EoiElement.Struct(name, element.Elements().Select(ToElement));
        }

        return IsNil(element) ? EoiElement.Nil(name) : EoiElement.Leaf(name, element.Value);
    }

    public static bool IsNil(XElement element) =>
        (string?)element.Attribute(Nil) is { } nil && (nil.Trim() is "true" or "1");
}
