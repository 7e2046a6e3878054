using System.Security.Cryptography;
using System.Text;

namespace SharpAmt.Transport.Tests.Digest;

/// <summary>Digest values computed here with MD5 directly, independent of the code under test.</summary>
public static class DigestTestValues
{
    public const string Realm = "Digest:727734D63A1FC0423736E48DA554E462";
    public const string User = "admin";
    public const string Password = "P@ssw0rd!";

    public static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Md5(byte[] data) => Convert.ToHexStringLower(MD5.HashData(data));

    public static string Ha1(string user = User, string realm = Realm, string password = Password) => Md5($"{user}:{realm}:{password}");

    /// <summary>The response a client computes; <paramref name="qop"/> null is RFC 2069.</summary>
    public static string Response(string nonce, string uri, string? qop, string? nc, string? cnonce, byte[]? body = null, string password = Password, string method = "POST")
    {
        var ha2 = qop == "auth-int" ? Md5($"{method}:{uri}:{Md5(body ?? [])}") : Md5($"{method}:{uri}");
        var ha1 = Ha1(password: password);
        return qop is null ? Md5($"{ha1}:{nonce}:{ha2}") : Md5($"{ha1}:{nonce}:{nc}:{cnonce}:{qop}:{ha2}");
    }

    /// <summary>How each real client renders its Authorization header (reference section 2.3).</summary>
    public sealed record ClientRendering(string Name, string Uri, string? Qop, string? Nc, string? Cnonce, string Template)
    {
        /// <summary>The header value for <paramref name="nonce"/>, with the response the client would compute.</summary>
        public string Render(string nonce, byte[]? body = null, string password = Password, string? response = null) => Template
            .Replace("{user}", User, StringComparison.Ordinal)
            .Replace("{realm}", Realm, StringComparison.Ordinal)
            .Replace("{nonce}", nonce, StringComparison.Ordinal)
            .Replace("{uri}", Uri, StringComparison.Ordinal)
            .Replace("{nc}", Nc ?? "", StringComparison.Ordinal)
            .Replace("{cnonce}", Cnonce ?? "", StringComparison.Ordinal)
            .Replace("{response}", response ?? Response(nonce, Uri, Qop, Nc, Cnonce, body, password), StringComparison.Ordinal);

        public override string ToString() => Name;
    }

    public static readonly ClientRendering[] Clients =
    [
        new("MeshCentral 1.1.55", "/wsman", "auth", "00000001", "4f1a9c2be07d4c3580e6a1b2c3d4e5f6",
            "Digest username=\"{user}\",realm=\"{realm}\",nonce=\"{nonce}\",uri=\"{uri}\",qop=auth,response=\"{response}\",nc={nc},cnonce=\"{cnonce}\""),
        new("MeshCentral relay, decimal nc", "/wsman", "auth", "1", "9a8b7c6d5e",
            "Digest username=\"{user}\",realm=\"{realm}\",nonce=\"{nonce}\",uri=\"{uri}\",qop=auth,nc={nc},cnonce=\"{cnonce}\",response=\"{response}\""),
        new("MeshCommander with auth-int", "/wsman", "auth-int", "00000003", "0123456789abcdef0123456789abcdef",
            "Digest username=\"{user}\",realm=\"{realm}\",nonce=\"{nonce}\",uri=\"{uri}\",qop=auth-int,response=\"{response}\",nc={nc},cnonce=\"{cnonce}\""),
        new("amttool over LWP", "/SecurityAdministrationService", "auth", "00000001", "6b022eac",
            "Digest username=\"{user}\", realm=\"{realm}\", qop=auth, algorithm=\"MD5\", uri=\"{uri}\", nonce=\"{nonce}\", nc={nc}, cnonce=\"{cnonce}\", response=\"{response}\""),
        new("older MeshCentral, every field quoted", "/wsman", "auth", "6", "deadbeefdeadbeefdeadbeefdeadbeef",
            "Digest username=\"{user}\",realm=\"{realm}\",nonce=\"{nonce}\",uri=\"{uri}\",qop=\"auth\",response=\"{response}\",nc=\"{nc}\",cnonce=\"{cnonce}\""),
        new("RFC 2069 client", "/wsman", null, null, null,
            "Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\""),
    ];

    public static Xunit.TheoryData<ClientRendering> ClientData() => new(Clients);
}
