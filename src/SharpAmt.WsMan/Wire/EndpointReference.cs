namespace SharpAmt.WsMan.Wire;

/// <summary>A WS-Addressing endpoint reference to a WS-Man instance (reference section 3.7).</summary>
public sealed record EndpointReference(string Address, string ResourceUri, SelectorSet Selectors)
{
    public static EndpointReference For(string classNameOrUri, params (string Name, string Value)[] selectors) =>
        new(WsManNamespaces.Anonymous, ResourceUris.For(classNameOrUri), SelectorSet.Of(selectors));

    /// <summary>
    /// Reads an element holding <c>Address</c> and <c>ReferenceParameters</c>, or wrapping an
    /// <c>EndpointReference</c>. The address is not validated: clients send the addressing namespace there.
    /// </summary>
    public static EndpointReference? FromElement(WsManElement element)
    {
        var wrapped = element.Child("EndpointReference");
        if (wrapped is not null && wrapped.Namespace == WsManNamespaces.Addressing)
        {
            element = wrapped;
        }

        var parameters = element.Child("ReferenceParameters");
        if (parameters is null)
        {
            return null;
        }

        var address = element.Child("Address")?.Text ?? WsManNamespaces.Anonymous;
        var resourceUri = parameters.Child("ResourceURI")?.Text ?? "";
        var selectorSet = parameters.Child("SelectorSet");
        var selectors = selectorSet is null ? SelectorSet.Empty : new SelectorSet(selectorSet.Children
            .Where(child => child.Name == "Selector")
            .Select(ReadSelector));
        return new EndpointReference(address, resourceUri, selectors);
    }

    internal static Selector ReadSelector(WsManElement selector)
    {
        var name = selector.AttributeValue("Name") ?? "";
        var nested = selector.Child("EndpointReference");
        return nested is null ? new Selector(name, selector.Text ?? "") : new Selector(name, null, FromElement(nested));
    }

    /// <summary>
    /// True when this reference (as a client sent it) names <paramref name="target"/>: the same resource URI and
    /// selectors it satisfies, partial sets allowed as for any selector set. The address is not compared, since
    /// clients put the addressing namespace or the anonymous URI there.
    /// </summary>
    public bool Designates(EndpointReference target) =>
        string.Equals(ResourceUri.Trim(), target.ResourceUri.Trim(), StringComparison.Ordinal) && Selectors.IsSatisfiedBy(target.Selectors);

    /// <summary>This reference as the children of an element named <paramref name="name"/> (a property or argument).</summary>
    public WsManElement ToElement(string name, string ns) => new(name, ns, null, Parts());

    /// <summary>This reference wrapped in a <c>wsa:EndpointReference</c> element, as inside a selector.</summary>
    public WsManElement ToEndpointReferenceElement() => new("EndpointReference", WsManNamespaces.Addressing, null, Parts());

    internal static WsManElement SelectorSetElement(SelectorSet selectors) =>
        new("SelectorSet", WsManNamespaces.WsMan, null, selectors.Select(SelectorElement).ToArray());

    private WsManElement[] Parts()
    {
        var parameters = new List<WsManElement> { WsManElement.Leaf("ResourceURI", WsManNamespaces.WsMan, ResourceUri) };
        if (Selectors.Count > 0)
        {
            parameters.Add(SelectorSetElement(Selectors));
        }

        return
        [
            WsManElement.Leaf("Address", WsManNamespaces.Addressing, Address),
            new WsManElement("ReferenceParameters", WsManNamespaces.Addressing, null, parameters),
        ];
    }

    private static WsManElement SelectorElement(Selector selector)
    {
        var name = new[] { new WsManAttribute("Name", "", selector.Name) };
        return selector.Reference is null
            ? new WsManElement("Selector", WsManNamespaces.WsMan, selector.Value ?? "", attributes: name)
            : new WsManElement("Selector", WsManNamespaces.WsMan, null, [selector.Reference.ToEndpointReferenceElement()], name);
    }

    public override string ToString() => $"{ResourceUris.ClassName(ResourceUri)}({Selectors})";
}
