namespace SharpAmt.Redirection.Wire.Messages;

/// <summary>
/// A digest 0x13 payload, 8 Pascal strings for type 4 and 7 for type 3 (no qop):
/// user, realm, nonce, "/RedirectionService", cnonce, nc, response[, qop]. The empty first request carries only
/// the user and the URI; the device answers it with the challenge.
/// </summary>
public sealed record DigestRequestPayload(string User, string Realm, string Nonce, string Uri, string Cnonce, string Nc, string Response, string? Qop)
{
    /// <summary>The first, empty request that asks for a challenge.</summary>
    public static DigestRequestPayload Empty(string user, bool withQop) =>
        new(user, "", "", AuthenticationPayload.DigestUri, "", "", "", withQop ? "" : null);

    public bool IsEmpty => Realm.Length == 0 && Nonce.Length == 0 && Response.Length == 0;

    public byte[] ToPayload() => Qop is null
        ? AuthenticationPayload.Strings(User, Realm, Nonce, Uri, Cnonce, Nc, Response)
        : AuthenticationPayload.Strings(User, Realm, Nonce, Uri, Cnonce, Nc, Response, Qop);

    public static DigestRequestPayload? TryParse(ReadOnlySpan<byte> payload)
    {
        if (!AuthenticationPayload.TryReadStrings(payload, 8, out var v, out _) || v.Count < 7)
        {
            return null;
        }

        return new DigestRequestPayload(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v.Count > 7 ? v[7] : null);
    }

    /// <summary>Never shows the response.</summary>
    public override string ToString() => $"digest request for {User} (realm {Realm})";
}
