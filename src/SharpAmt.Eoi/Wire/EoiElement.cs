namespace SharpAmt.Eoi.Wire;

/// <summary>
/// One parameter of an EOI message: a leaf with text, a struct with children, or nil. Names are local: request
/// arguments travel unqualified and reply elements in the service namespace, so the name alone identifies them.
/// </summary>
public sealed record EoiElement
{
    private EoiElement(string name, string? text, IReadOnlyList<EoiElement> children, bool isNil)
    {
        Name = name;
        Text = text;
        Children = children;
        IsNil = isNil;
    }

    public string Name { get; }

    /// <summary>The text of a leaf; null for a struct or nil.</summary>
    public string? Text { get; }

    public IReadOnlyList<EoiElement> Children { get; }

    public bool IsNil { get; }

    public bool IsStruct => Children.Count > 0;

    public static EoiElement Leaf(string name, string text) => new(name, text, [], false);

    public static EoiElement Struct(string name, IEnumerable<EoiElement> children) => new(name, null, children.ToArray(), false);

    public static EoiElement Nil(string name) => new(name, null, [], true);

    /// <summary>The first child of that name, or null.</summary>
    public EoiElement? Child(string name)
    {
        foreach (var child in Children)
        {
            if (string.Equals(child.Name, name, StringComparison.Ordinal))
            {
                return child;
            }
        }

        return null;
    }

    public bool Equals(EoiElement? other) =>
        other is not null && Name == other.Name && Text == other.Text && IsNil == other.IsNil && Children.SequenceEqual(other.Children);

    public override int GetHashCode() => HashCode.Combine(Name, Text, IsNil, Children.Count);

    public override string ToString() => IsNil ? $"{Name}=nil" : IsStruct ? $"{Name}{{{string.Join(", ", Children)}}}" : $"{Name}={Text}";
}
