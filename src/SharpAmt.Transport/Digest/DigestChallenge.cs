namespace SharpAmt.Transport.Digest;

/// <summary>A <c>WWW-Authenticate: Digest …</c> challenge.</summary>
public sealed record DigestChallenge(string Realm, string Nonce, string? Qop, bool Stale, string? Opaque = null, string? Algorithm = null)
{
    /// <summary>The qop options offered, split and trimmed (empty when the challenge is RFC 2069 style).</summary>
    public IReadOnlyList<string> QopOptions => Qop is null
        ? []
        : Qop.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Parses a challenge header value; null when it is not a Digest challenge.</summary>
    public static DigestChallenge? TryParse(string headerValue)
    {
        var rest = DigestParameters.AfterScheme(headerValue, "Digest");
        if (rest is null)
        {
            return null;
        }

        var parameters = DigestParameters.Parse(rest);
        var realm = DigestParameters.Find(parameters, "realm");
        var nonce = DigestParameters.Find(parameters, "nonce");
        if (realm is null || nonce is null)
        {
            throw new AmtProtocolException(ProtocolViolation.MalformedChallenge, "realm or nonce missing");
        }

        var stale = string.Equals(DigestParameters.Find(parameters, "stale"), "true", StringComparison.OrdinalIgnoreCase);
        return new DigestChallenge(
            realm,
            nonce,
            DigestParameters.Find(parameters, "qop"),
            stale,
            DigestParameters.Find(parameters, "opaque"),
            DigestParameters.Find(parameters, "algorithm"));
    }

    /// <summary>
    /// The header value exactly as AMT writes it: one space after the realm's comma, none before
    /// <c>stale</c> and <c>qop</c>.
    /// </summary>
    public string ToHeaderValue() =>
        $"Digest realm=\"{Realm}\", nonce=\"{Nonce}\",stale=\"{(Stale ? "true" : "false")}\"" +
        (Qop is null ? "" : $",qop=\"{Qop}\"");
}
