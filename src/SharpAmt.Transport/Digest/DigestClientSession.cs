using System.Globalization;
using System.Security.Cryptography;

namespace SharpAmt.Transport.Digest;

/// <summary>
/// One challenge reused for many requests, with a rising 8-hex-digit nc and a fixed random cnonce, the way
/// MeshCommander and LWP talk to AMT. Prefers auth-int when offered.
/// </summary>
public sealed class DigestClientSession
{
    private readonly string _user;
    private readonly string _ha1;
    private readonly string _cnonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
    private int _nonceCount;

    public DigestClientSession(DigestChallenge challenge, string user, string password)
    {
        Challenge = challenge;
        _user = user;
        _ha1 = DigestHash.Ha1(user, challenge.Realm, password);
        var options = challenge.QopOptions;
        Qop = options.Contains("auth-int", StringComparer.OrdinalIgnoreCase) ? "auth-int"
            : options.Contains("auth", StringComparer.OrdinalIgnoreCase) ? "auth"
            : null;
    }

    public DigestChallenge Challenge { get; }

    /// <summary>The qop this session uses, or null for RFC 2069.</summary>
    public string? Qop { get; }

    public DigestAuthorization Authorize(string method, string uri, ReadOnlySpan<byte> body)
    {
        var nc = Interlocked.Increment(ref _nonceCount).ToString("x8", CultureInfo.InvariantCulture);
        var ha2 = DigestHash.Ha2(method, uri, Qop, body);
        var response = DigestHash.Response(_ha1, Challenge.Nonce, Qop, nc, _cnonce, ha2);
        return new DigestAuthorization(
            _user,
            Challenge.Realm,
            Challenge.Nonce,
            uri,
            response,
            Qop,
            Qop is null ? null : nc,
            Qop is null ? null : _cnonce,
            Opaque: Challenge.Opaque);
    }
}
