namespace SharpAmt.WsMan.Wire;

/// <summary>
/// One element of a WS-Man body: a property, or a nested structure such as an endpoint reference or a CIM
/// Datetime. The tree keeps everything the XML carried (names, namespaces, attributes, order, nil), so a
/// reply parses into it without loss and writes back out in the same shape.
/// </summary>
public sealed class WsManElement
{
    private static readonly IReadOnlyList<WsManElement> NoChildren = [];
    private static readonly IReadOnlyList<WsManAttribute> NoAttributes = [];

    public WsManElement(string name, string ns, string? text, IReadOnlyList<WsManElement>? children = null, IReadOnlyList<WsManAttribute>? attributes = null, bool isNil = false)
    {
        Name = name;
        Namespace = ns;
        Children = children ?? NoChildren;
        Attributes = attributes ?? NoAttributes;
        IsNil = isNil;
        Text = Children.Count > 0 || isNil ? null : text ?? "";
    }

    /// <summary>The local name (the prefix is a matter of the writer).</summary>
    public string Name { get; }

    public string Namespace { get; }

    /// <summary>The text of a leaf element; null for structures and nil values.</summary>
    public string? Text { get; }

    public IReadOnlyList<WsManElement> Children { get; }

    public IReadOnlyList<WsManAttribute> Attributes { get; }

    /// <summary>True for <c>xsi:nil="true"</c>.</summary>
    public bool IsNil { get; }

    public bool IsLeaf => Children.Count == 0;

    public static WsManElement Leaf(string name, string ns, string text) => new(name, ns, text);

    public WsManElement? Child(string name)
    {
        foreach (var child in Children)
        {
            if (child.Name == name)
            {
                return child;
            }
        }

        return null;
    }

    public string? AttributeValue(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>This element read as an endpoint reference, or null when it is not one.</summary>
    public EndpointReference? AsReference() => EndpointReference.FromElement(this);

    public override string ToString() => IsLeaf ? $"{Name}={Text}" : $"{Name}[{Children.Count}]";
}
