using System.Text;

namespace SharpAmt.Transport.Digest;

/// <summary>An <c>Authorization: Digest …</c> header.</summary>
public sealed record DigestAuthorization(
    string Username,
    string Realm,
    string Nonce,
    string Uri,
    string Response,
    string? Qop = null,
    string? Nc = null,
    string? Cnonce = null,
    string? Algorithm = null,
    string? Opaque = null)
{
    /// <summary>Parses any client's rendering: quoted or bare qop and nc, any order, any cnonce length.</summary>
    public static DigestAuthorization? TryParse(string headerValue)
    {
        var rest = DigestParameters.AfterScheme(headerValue, "Digest");
        if (rest is null)
        {
            return null;
        }

        IReadOnlyList<KeyValuePair<string, string>> parameters;
        try
        {
            parameters = DigestParameters.Parse(rest);
        }
        catch (AmtProtocolException)
        {
            return null;
        }

        var username = DigestParameters.Find(parameters, "username");
        var realm = DigestParameters.Find(parameters, "realm");
        var nonce = DigestParameters.Find(parameters, "nonce");
        var uri = DigestParameters.Find(parameters, "uri");
        var response = DigestParameters.Find(parameters, "response");
        if (username is null || realm is null || nonce is null || uri is null || response is null)
        {
            return null;
        }

        return new DigestAuthorization(
            username,
            realm,
            nonce,
            uri,
            response,
            DigestParameters.Find(parameters, "qop"),
            DigestParameters.Find(parameters, "nc"),
            DigestParameters.Find(parameters, "cnonce"),
            DigestParameters.Find(parameters, "algorithm"),
            DigestParameters.Find(parameters, "opaque"));
    }

    /// <summary>
    /// The header value in the shape MeshCommander sends and AMT accepts: quoted strings, bare qop and nc.
    /// </summary>
    public string ToHeaderValue()
    {
        var builder = new StringBuilder(256)
            .Append("Digest username=\"").Append(Username)
            .Append("\",realm=\"").Append(Realm)
            .Append("\",nonce=\"").Append(Nonce)
            .Append("\",uri=\"").Append(Uri).Append('"');
        if (Qop is not null)
        {
            builder.Append(",qop=").Append(Qop);
        }

        builder.Append(",response=\"").Append(Response).Append('"');
        if (Qop is not null)
        {
            builder.Append(",nc=").Append(Nc).Append(",cnonce=\"").Append(Cnonce).Append('"');
        }

        if (Opaque is not null)
        {
            builder.Append(",opaque=\"").Append(Opaque).Append('"');
        }

        return builder.ToString();
    }
}
