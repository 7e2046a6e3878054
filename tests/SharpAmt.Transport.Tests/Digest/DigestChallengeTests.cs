using SharpAmt.Transport.Digest;
using Xunit;

namespace SharpAmt.Transport.Tests.Digest;

public sealed class DigestChallengeTests
{
    /// <summary>AMT 15.0.23 (reference section 2.1): one space after the realm's comma, none before stale and qop.</summary>
    private const string Amt15 = "Digest realm=\"Digest:727734D63A1FC0423736E48DA554E462\", nonce=\"B9AX94iAAAAAAAAAx6rrSfPHGUrx/3uA\",stale=\"false\",qop=\"auth\"";

    /// <summary>AMT 16.1 offers auth-int first, in one quoted list.</summary>
    private const string Amt161 = "Digest realm=\"Digest:0E5DAE9F1AB7425C9CB2A1A7D4E1C0FF\", nonce=\"Kx8Pb2AAAAAAAAAAYq9tPfJ3bE1/+wQw\",stale=\"false\",qop=\"auth-int, auth\"";

    [Fact]
    public void Amt_challenge_is_parsed()
    {
        var challenge = DigestChallenge.TryParse(Amt15);

        Assert.NotNull(challenge);
        Assert.Equal("Digest:727734D63A1FC0423736E48DA554E462", challenge.Realm);
        Assert.Equal("B9AX94iAAAAAAAAAx6rrSfPHGUrx/3uA", challenge.Nonce);
        Assert.False(challenge.Stale);
        Assert.Equal("auth", challenge.Qop);
        Assert.Equal(["auth"], challenge.QopOptions);
    }

    [Fact]
    public void Amt_16_1_qop_list_keeps_its_comma_inside_the_quotes()
    {
        var challenge = DigestChallenge.TryParse(Amt161);

        Assert.NotNull(challenge);
        Assert.Equal("auth-int, auth", challenge.Qop);
        Assert.Equal(["auth-int", "auth"], challenge.QopOptions);
        Assert.Equal("Kx8Pb2AAAAAAAAAAYq9tPfJ3bE1/+wQw", challenge.Nonce);
        Assert.False(challenge.Stale);
    }

    [Theory]
    [InlineData(Amt15)]
    [InlineData(Amt161)]
    public void Header_value_reproduces_amt_spacing_exactly(string header)
    {
        Assert.Equal(header, DigestChallenge.TryParse(header)!.ToHeaderValue());
    }

    [Fact]
    public void Header_value_is_built_in_amt_shape()
    {
        var challenge = new DigestChallenge("Digest:AB", "n0nce", "auth", Stale: true);

        Assert.Equal("Digest realm=\"Digest:AB\", nonce=\"n0nce\",stale=\"true\",qop=\"auth\"", challenge.ToHeaderValue());
    }

    [Theory]
    [InlineData("Digest realm=\"r\", nonce=\"n\",stale=\"true\",qop=\"auth\"", true)]
    [InlineData("Digest realm=\"r\", nonce=\"n\", stale=TRUE, qop=auth", true)]
    [InlineData("Digest realm=\"r\", nonce=\"n\",stale=\"false\"", false)]
    [InlineData("Digest realm=\"r\", nonce=\"n\"", false)]
    public void Stale_flag_is_read_in_any_quoting_and_case(string header, bool stale)
    {
        Assert.Equal(stale, DigestChallenge.TryParse(header)!.Stale);
    }

    [Fact]
    public void Rfc_2069_challenge_has_no_qop()
    {
        var challenge = DigestChallenge.TryParse("Digest realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", algorithm=MD5");

        Assert.NotNull(challenge);
        Assert.Null(challenge.Qop);
        Assert.Empty(challenge.QopOptions);
        Assert.Equal("5ccc069c403ebaf9f0171e9517f40e41", challenge.Opaque);
        Assert.Equal("MD5", challenge.Algorithm);
        Assert.DoesNotContain("qop", challenge.ToHeaderValue(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Negotiate")]
    [InlineData("Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHgYKKwYBBAGCNwICCg==")]
    [InlineData("Basic realm=\"Intel AMT\"")]
    [InlineData("DigestX realm=\"r\", nonce=\"n\"")]
    [InlineData("")]
    public void Other_schemes_are_not_digest_challenges(string header)
    {
        Assert.Null(DigestChallenge.TryParse(header));
    }

    [Theory]
    [InlineData("digest realm=\"r\", nonce=\"n\"")]
    [InlineData("  Digest realm=\"r\",nonce=\"n\"")]
    [InlineData("Digest\trealm = \"r\" , nonce = n")]
    public void Scheme_case_and_spacing_around_separators_do_not_matter(string header)
    {
        var challenge = DigestChallenge.TryParse(header);

        Assert.NotNull(challenge);
        Assert.Equal(("r", "n"), (challenge.Realm, challenge.Nonce));
    }

    [Theory]
    [InlineData("Digest realm=\"r\"")]
    [InlineData("Digest nonce=\"n\"")]
    [InlineData("Digest realm=\"r\", nonce=\"unterminated")]
    public void Challenge_without_realm_or_nonce_or_with_a_broken_quote_is_malformed(string header)
    {
        var exception = Assert.Throws<AmtProtocolException>(() => DigestChallenge.TryParse(header));

        Assert.Equal(ProtocolViolation.MalformedChallenge, exception.Violation);
    }

    [Fact]
    public void Escaped_quote_inside_a_value_is_unescaped()
    {
        var challenge = DigestChallenge.TryParse("Digest realm=\"a \\\"quoted\\\" realm\", nonce=\"n\"");

        Assert.Equal("a \"quoted\" realm", challenge!.Realm);
    }
}
