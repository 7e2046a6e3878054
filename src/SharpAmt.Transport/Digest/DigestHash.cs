using System.Security.Cryptography;
using System.Text;

namespace SharpAmt.Transport.Digest;

/// <summary>The RFC 2617 / RFC 2069 arithmetic, in lower-case hex as AMT expects.</summary>
public static class DigestHash
{
    public static string Ha1(string user, string realm, string password) => Md5Hex($"{user}:{realm}:{password}");

    /// <summary>HA2; with qop auth-int the MD5 of the body joins the method and URI.</summary>
    public static string Ha2(string method, string uri, string? qop, ReadOnlySpan<byte> body) =>
        string.Equals(qop, "auth-int", StringComparison.OrdinalIgnoreCase)
            ? Md5Hex($"{method}:{uri}:{Md5Hex(body)}")
            : Md5Hex($"{method}:{uri}");

    /// <summary>The response; without qop it is the RFC 2069 form. <paramref name="nc"/> is hashed exactly as sent.</summary>
    public static string Response(string ha1, string nonce, string? qop, string? nc, string? cnonce, string ha2) =>
        qop is null
            ? Md5Hex($"{ha1}:{nonce}:{ha2}")
            : Md5Hex($"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");

    public static string Md5Hex(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return Md5Hex(bytes);
    }

    public static string Md5Hex(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[16];
        MD5.HashData(data, hash);
        return Convert.ToHexStringLower(hash);
    }
}
