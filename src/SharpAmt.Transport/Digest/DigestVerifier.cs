using System.Security.Cryptography;
using System.Text;

namespace SharpAmt.Transport.Digest;

/// <summary>
/// Device-side check of an Authorization header, tolerant of every real client's rendering: header name in
/// any case, qop and nc quoted or bare, nc hashed exactly as sent, any cnonce length, nonce reuse.
/// </summary>
public static class DigestVerifier
{
    /// <param name="findHa1">HA1 (MD5 of user:realm:password) of a known user, or null.</param>
    public static DigestVerdict Verify(
        string? authorizationHeader,
        string method,
        ReadOnlySpan<byte> body,
        string realm,
        Func<string, string?> findHa1,
        DigestNonceStore nonces,
        out string? user)
    {
        user = null;
        if (authorizationHeader is null)
        {
            return DigestVerdict.NoCredentials;
        }

        if (DigestParameters.AfterScheme(authorizationHeader, "Digest") is null)
        {
            return DigestVerdict.NoCredentials;
        }

        var authorization = DigestAuthorization.TryParse(authorizationHeader);
        if (authorization is null || authorization.Realm != realm)
        {
            return DigestVerdict.Malformed;
        }

        if (authorization.Qop is not null
            && (authorization.Nc is null || authorization.Cnonce is null
                || authorization.Qop is not ("auth" or "auth-int")))
        {
            return DigestVerdict.Malformed;
        }

        user = authorization.Username;
        var ha1 = findHa1(authorization.Username);
        if (ha1 is null)
        {
            return DigestVerdict.WrongCredentials;
        }

        var ha2 = DigestHash.Ha2(method, authorization.Uri, authorization.Qop, body);
        var expected = DigestHash.Response(ha1, authorization.Nonce, authorization.Qop, authorization.Nc, authorization.Cnonce, ha2);
        var presented = authorization.Response.ToLowerInvariant();
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented)))
        {
            return DigestVerdict.WrongCredentials;
        }

        return nonces.Use(authorization.Nonce) == NonceState.Fresh ? DigestVerdict.Accepted : DigestVerdict.StaleNonce;
    }
}
