using System.Text;

namespace SharpAmt.Transport.Digest;

/// <summary>
/// Quote-aware reader of the comma-separated <c>name=value</c> list after "Digest". Commas inside quotes
/// (AMT 16.1's <c>qop="auth-int, auth"</c>) stay in the value; spaces around separators are optional
/// (AMT writes <c>nonce="…",stale="false"</c>); values may be quoted or bare (<c>nc=00000001</c>).
/// </summary>
public static class DigestParameters
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        var result = new List<KeyValuePair<string, string>>(10);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] is ' ' or '\t' or ','))
            {
                i++;
            }

            var nameStart = i;
            while (i < text.Length && text[i] is not ('=' or ',' or ' ' or '\t'))
            {
                i++;
            }

            var name = text[nameStart..i];
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (name.Length == 0)
            {
                break;
            }

            if (i >= text.Length || text[i] != '=')
            {
                result.Add(new(name, ""));
                continue;
            }

            i++;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            string value;
            if (i < text.Length && text[i] == '"')
            {
                i++;
                var builder = new StringBuilder();
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length)
                    {
                        i++;
                    }

                    builder.Append(text[i]);
                    i++;
                }

                if (i >= text.Length)
                {
                    throw new AmtProtocolException(ProtocolViolation.MalformedChallenge, "unterminated quoted value");
                }

                i++;
                value = builder.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < text.Length && text[i] is not (',' or ' ' or '\t'))
                {
                    i++;
                }

                value = text[valueStart..i];
            }

            result.Add(new(name, value));
        }

        return result;
    }

    public static string? Find(IReadOnlyList<KeyValuePair<string, string>> parameters, string name)
    {
        foreach (var parameter in parameters)
        {
            if (string.Equals(parameter.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return parameter.Value;
            }
        }

        return null;
    }

    /// <summary>The text after the scheme name, or null when the header is another scheme.</summary>
    public static string? AfterScheme(string headerValue, string scheme)
    {
        var trimmed = headerValue.TrimStart();
        if (trimmed.Length > scheme.Length
            && trimmed.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            && trimmed[scheme.Length] is ' ' or '\t')
        {
            return trimmed[(scheme.Length + 1)..];
        }

        return null;
    }
}
