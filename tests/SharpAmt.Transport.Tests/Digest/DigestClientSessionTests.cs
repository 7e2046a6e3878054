using System.Text;
using SharpAmt.Transport.Digest;
using Xunit;
using static SharpAmt.Transport.Tests.Digest.DigestTestValues;

namespace SharpAmt.Transport.Tests.Digest;

public sealed class DigestClientSessionTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("<Envelope><Body /></Envelope>");

    [Theory]
    [InlineData("auth-int, auth", "auth-int")]
    [InlineData("auth,auth-int", "auth-int")]
    [InlineData("auth", "auth")]
    [InlineData("AUTH", "auth")]
    [InlineData(null, null)]
    public void Prefers_auth_int_when_offered(string? offered, string? chosen)
    {
        var session = new DigestClientSession(new DigestChallenge(Realm, "n", offered, false), User, Password);

        Assert.Equal(chosen, session.Qop);
        Assert.Equal(chosen, session.Authorize("POST", "/wsman", Body).Qop);
    }

    [Fact]
    public void Nc_counts_up_in_eight_hex_digits_with_one_cnonce_and_the_same_nonce()
    {
        var challenge = new DigestChallenge(Realm, "B9AX94iAAAAAAAAAx6rrSfPHGUrx/3uA", "auth", false, Opaque: "op");
        var session = new DigestClientSession(challenge, User, Password);

        var authorizations = Enumerable.Range(0, 17).Select(_ => session.Authorize("POST", "/wsman", Body)).ToArray();

        Assert.Equal(
            Enumerable.Range(1, 17).Select(n => n.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)),
            authorizations.Select(authorization => authorization.Nc));
        Assert.Equal("00000010", authorizations[15].Nc);
        Assert.Single(authorizations.Select(authorization => authorization.Cnonce).Distinct());
        Assert.Matches("^[0-9a-f]{32}$", authorizations[0].Cnonce);
        Assert.All(authorizations, authorization =>
        {
            Assert.Equal(challenge.Nonce, authorization.Nonce);
            Assert.Equal(Realm, authorization.Realm);
            Assert.Equal(User, authorization.Username);
            Assert.Equal("/wsman", authorization.Uri);
            Assert.Equal("op", authorization.Opaque);
        });
        Assert.Equal(17, authorizations.Select(authorization => authorization.Response).Distinct().Count());
    }

    [Fact]
    public void Each_session_has_its_own_cnonce()
    {
        var challenge = new DigestChallenge(Realm, "n", "auth", false);

        var cnonces = Enumerable.Range(0, 20).Select(_ => new DigestClientSession(challenge, User, Password).Authorize("POST", "/wsman", Body).Cnonce).ToArray();

        Assert.Equal(20, cnonces.Distinct().Count());
    }

    [Theory]
    [InlineData("auth")]
    [InlineData("auth-int, auth")]
    [InlineData(null)]
    public void Responses_are_accepted_by_the_device_verifier(string? qop)
    {
        var nonces = new DigestNonceStore();
        var session = new DigestClientSession(new DigestChallenge(Realm, nonces.Issue(), qop, false), User, Password);

        for (var i = 0; i < 3; i++)
        {
            var header = session.Authorize("POST", "/wsman", Body).ToHeaderValue();
            Assert.Equal(DigestVerdict.Accepted, DigestVerifier.Verify(header, "POST", Body, Realm, user => user == User ? Ha1() : null, nonces, out _));
        }
    }

    [Fact]
    public void Response_matches_an_independent_computation()
    {
        var session = new DigestClientSession(new DigestChallenge(Realm, "n0nce", "auth-int, auth", false), User, Password);

        var authorization = session.Authorize("POST", "/wsman", Body);

        Assert.Equal(Response("n0nce", "/wsman", "auth-int", "00000001", authorization.Cnonce, Body), authorization.Response);
    }

    [Fact]
    public void Header_has_meshcommander_shape()
    {
        var session = new DigestClientSession(new DigestChallenge(Realm, "B9AX94iAAAAAAAAAx6rrSfPHGUrx/3uA", "auth", false), User, Password);

        var header = session.Authorize("POST", "/wsman", Body).ToHeaderValue();

        Assert.Matches(
            "^Digest username=\"admin\",realm=\"Digest:727734D63A1FC0423736E48DA554E462\",nonce=\"B9AX94iAAAAAAAAAx6rrSfPHGUrx/3uA\"," +
            "uri=\"/wsman\",qop=auth,response=\"[0-9a-f]{32}\",nc=00000001,cnonce=\"[0-9a-f]{32}\"$",
            header);
        Assert.DoesNotContain(Password, header, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfc_2069_header_has_no_qop_nc_or_cnonce()
    {
        var session = new DigestClientSession(new DigestChallenge(Realm, "n", null, false), User, Password);

        var header = session.Authorize("POST", "/wsman", Body).ToHeaderValue();

        Assert.DoesNotContain("qop", header, StringComparison.Ordinal);
        Assert.DoesNotContain("nc=", header, StringComparison.Ordinal);
        Assert.DoesNotContain("cnonce", header, StringComparison.Ordinal);
    }
}
