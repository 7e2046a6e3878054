using System.Text;

namespace SharpAmt.Eoi.Wire;

/// <summary>Text handling both sides share: escaping for the writers, bounding for messages that quote a peer.</summary>
internal static class EoiText
{
    /// <summary>Names and reasons quoted back from a peer are bounded, so a hostile one cannot make a message large.</summary>
    public static string Shorten(string text, int max = 80) => text.Length <= max ? text : text[..max] + "…";

    public static StringBuilder AppendEscaped(this StringBuilder builder, string text)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                case '\r':
                    // A raw CR would come back as LF after parsing; a reference keeps it.
                    builder.Append("&#xD;");
                    break;
                case '\t' or '\n':
                    builder.Append(c);
                    break;
                case < ' ':
                    throw new ArgumentException($"a value holds control character U+{(int)c:X4}, which XML cannot carry");
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder;
    }
}
