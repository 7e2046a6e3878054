using System.Text;

namespace SharpAmt.WsMan.Wire;

/// <summary>
/// A small XML writer that produces exactly the bytes AMT peers expect: no whitespace between elements,
/// empty elements as an open/close pair (MeshCentral's parser fails on <c>&lt;x/&gt;</c>), double-quoted
/// attributes, and prefixes from a fixed map. A namespace missing from the map is declared on the element
/// that first uses it.
/// </summary>
internal sealed class XmlWireWriter
{
    private readonly StringBuilder _text = new(2048);
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);
    private int _inlineCounter;

    public XmlWireWriter(IEnumerable<KeyValuePair<string, string>> prefixByNamespace)
    {
        foreach (var pair in prefixByNamespace)
        {
            _prefixes.TryAdd(pair.Key, pair.Value);
        }
    }

    public void Raw(string text) => _text.Append(text);

    /// <summary>Opens an element; the caller writes attributes, then <see cref="CloseStartTag"/>.</summary>
    public string StartElement(string ns, string name)
    {
        var qualified = Qualify(ns, name, out var declaration);
        _text.Append('<').Append(qualified);
        if (declaration is not null)
        {
            _text.Append(declaration);
        }

        return qualified;
    }

    public void Attribute(string qualifiedName, string value) =>
        _text.Append(' ').Append(qualifiedName).Append("=\"").Append(Escape(value, attribute: true)).Append('"');

    public void CloseStartTag() => _text.Append('>');

    public void EndElement(string qualified) => _text.Append("</").Append(qualified).Append('>');

    public void Text(string text) => _text.Append(Escape(text, attribute: false));

    /// <summary>Writes a leaf element with text.</summary>
    public void Leaf(string ns, string name, string text)
    {
        var qualified = StartElement(ns, name);
        CloseStartTag();
        Text(text);
        EndElement(qualified);
    }

    /// <summary>Writes an element tree, its namespaces taken from the map.</summary>
    public void Element(WsManElement element)
    {
        var qualified = StartElement(element.Namespace, element.Name);
        foreach (var attribute in element.Attributes)
        {
            Attribute(attribute.Namespace.Length == 0 ? attribute.Name : PrefixOf(attribute.Namespace) + ":" + attribute.Name, attribute.Value);
        }

        if (element.IsNil)
        {
            Attribute(PrefixOf(WsManNamespaces.XmlSchemaInstance) + ":nil", "true");
        }

        CloseStartTag();
        if (element.Text is not null)
        {
            Text(element.Text);
        }

        foreach (var child in element.Children)
        {
            Element(child);
        }

        EndElement(qualified);
    }

    public string PrefixOf(string ns) => _prefixes.TryGetValue(ns, out var prefix) ? prefix : throw new InvalidOperationException($"No prefix for {ns}");

    public byte[] ToUtf8() => Encoding.UTF8.GetBytes(_text.ToString());

    public override string ToString() => _text.ToString();

    private string Qualify(string ns, string name, out string? declaration)
    {
        declaration = null;
        if (_prefixes.TryGetValue(ns, out var prefix))
        {
            return prefix.Length == 0 ? name : prefix + ":" + name;
        }

        // Unknown namespace: declare it here and keep using the prefix afterwards. Only client requests reach
        // this; device replies declare every namespace on the Envelope up front.
        prefix = "n" + (++_inlineCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _prefixes[ns] = prefix;
        declaration = $" xmlns:{prefix}=\"{Escape(ns, attribute: true)}\"";
        return prefix + ":" + name;
    }

    private static string Escape(string text, bool attribute)
    {
        if (text.AsSpan().IndexOfAny("&<>\"") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when attribute => "&quot;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}
