namespace SharpAmt.Transport.WebSockets;

/// <summary>
/// Web origins as browsers serialise them in the Origin header (RFC 6454 §6.1): <c>scheme://host[:port]</c>, lower
/// case, the default port left out. Allow-list entries and headers both go through <see cref="TryNormalize"/>, so
/// <c>HTTP://Example.org:80/</c> given by a user matches the <c>http://example.org</c> a browser sends.
/// </summary>
public static class WebSocketOrigin
{
    /// <summary>The origin of an http or https URL that has nothing after its host and port but an optional "/".</summary>
    public static bool TryNormalize(string? text, out string origin)
    {
        origin = "";
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.UserInfo.Length != 0
            || uri.AbsolutePath != "/"
            || uri.Query.Length != 0
            || uri.Fragment.Length != 0
            || text!.TrimEnd().EndsWith('?')
            || text.TrimEnd().EndsWith('#'))
        {
            return false;
        }

        origin = uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
        return true;
    }

    /// <summary>Whether a request's Origin header names one of <paramref name="allowed"/>.</summary>
    public static bool IsAllowed(string header, IEnumerable<string> allowed)
    {
        if (!TryNormalize(header, out var origin))
        {
            // "null" (a file or sandboxed page) and anything else unparseable is no origin anyone allowed.
            return false;
        }

        foreach (var entry in allowed)
        {
            if (TryNormalize(entry, out var normalized) && string.Equals(normalized, origin, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
