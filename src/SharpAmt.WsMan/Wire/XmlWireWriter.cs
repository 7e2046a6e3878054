using System.Text;

namespace SharpAmt.WsMan.Wire;

/// <summary>
/// A small XML writer that produces exactly the bytes AMT peers expect: no whitespace between elements,
/// empty elements as an open/close pair (MeshCentral's parser fails on <c>&lt;x/&gt;</c>), double-quoted
/// attributes, and prefixes from a fixed map. A namespace missing from the map is declared on the element
/// that uses it and is in scope only inside that element.
/// </summary>
internal sealed class XmlWireWriter
{
    /// <summary>The namespace of the reserved <c>xml</c> prefix, which is never declared.</summary>
    internal const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    private readonly StringBuilder _text = new(2048);
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);

    /// <summary>Namespaces declared inline, with the depth of the element declaring them: they go out of scope with it.</summary>
    private readonly List<(string Namespace, int Depth)> _inline = [];
    private int _depth;
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
        _depth++;
        if (_prefixes.TryGetValue(ns, out var prefix))
        {
            var known = prefix.Length == 0 ? name : prefix + ":" + name;
            _text.Append('<').Append(known);
            return known;
        }

        // Unknown namespace: declare it here; it stays usable for this element's content only. Only client
        // requests reach this; device replies declare every namespace on the Envelope up front.
        prefix = DeclareInline(ns);
        var qualified = prefix + ":" + name;
        _text.Append('<').Append(qualified);
        AppendDeclaration(prefix, ns);
        return qualified;
    }

    public void Attribute(string qualifiedName, string value) =>
        _text.Append(' ').Append(qualifiedName).Append("=\"").Append(Escape(value, attribute: true)).Append('"');

    public void CloseStartTag() => _text.Append('>');

    public void EndElement(string qualified)
    {
        _text.Append("</").Append(qualified).Append('>');
        for (var i = _inline.Count - 1; i >= 0 && _inline[i].Depth == _depth; i--)
        {
            _prefixes.Remove(_inline[i].Namespace);
            _inline.RemoveAt(i);
        }

        _depth--;
    }

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
            Attribute(attribute.Namespace.Length == 0 ? attribute.Name : AttributePrefix(attribute.Namespace) + ":" + attribute.Name, attribute.Value);
        }

        if (element.IsNil)
        {
            Attribute(AttributePrefix(WsManNamespaces.XmlSchemaInstance) + ":nil", "true");
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

    /// <summary>The prefix for an attribute in <paramref name="ns"/>, declared on the open start tag when none is in scope.</summary>
    private string AttributePrefix(string ns)
    {
        if (ns == XmlNamespace)
        {
            return "xml";
        }

        if (_prefixes.TryGetValue(ns, out var prefix) && prefix.Length > 0)
        {
            return prefix;
        }

        // A default (empty) prefix cannot qualify an attribute, so this declares a real one.
        prefix = DeclareInline(ns);
        AppendDeclaration(prefix, ns);
        return prefix;
    }

    private string DeclareInline(string ns)
    {
        var prefix = "n" + (++_inlineCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _prefixes[ns] = prefix;
        _inline.Add((ns, _depth));
        return prefix;
    }

    private void AppendDeclaration(string prefix, string ns) =>
        _text.Append(" xmlns:").Append(prefix).Append("=\"").Append(Escape(ns, attribute: true)).Append('"');

    private static string Escape(string text, bool attribute)
    {
        if (!NeedsEscaping(text))
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
                // A raw CR would come back as LF after parsing; a reference keeps it.
                '\r' => "&#xD;",
                '\t' or '\n' => c.ToString(),
                < ' ' => throw new ArgumentException($"a value holds control character U+{(int)c:X4}, which XML cannot carry"),
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' or '"' || c < ' ')
            {
                return true;
            }
        }

        return false;
    }
}
