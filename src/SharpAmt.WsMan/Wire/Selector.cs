namespace SharpAmt.WsMan.Wire;

/// <summary>A selector: a key value, or (for association classes) an endpoint reference.</summary>
public sealed record Selector(string Name, string? Value, EndpointReference? Reference = null)
{
    public override string ToString() => Reference is null ? $"{Name}={Value}" : $"{Name}=<{Reference}>";
}
