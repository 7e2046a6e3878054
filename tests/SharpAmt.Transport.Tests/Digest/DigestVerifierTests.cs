using System.Text;
using SharpAmt.Transport.Digest;
using SharpAmt.Transport.Tests.Support;
using Xunit;
using static SharpAmt.Transport.Tests.Digest.DigestTestValues;

namespace SharpAmt.Transport.Tests.Digest;

public sealed class DigestVerifierTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope><Body /></Envelope>");

    private static string? FindHa1(string user) => user == User ? Ha1() : null;

    private static DigestVerdict Verify(string? header, DigestNonceStore nonces, byte[]? body = null) =>
        DigestVerifier.Verify(header, "POST", body ?? Body, Realm, FindHa1, nonces, out _);

    [Theory]
    [MemberData(nameof(DigestTestValues.ClientData), MemberType = typeof(DigestTestValues))]
    public void Every_real_client_rendering_is_accepted(ClientRendering client)
    {
        var nonces = new DigestNonceStore();
        var nonce = nonces.Issue();

        var verdict = DigestVerifier.Verify(client.Render(nonce, Body), "POST", Body, Realm, FindHa1, nonces, out var user);

        Assert.Equal(DigestVerdict.Accepted, verdict);
        Assert.Equal(User, user);
    }

    [Theory]
    [MemberData(nameof(DigestTestValues.ClientData), MemberType = typeof(DigestTestValues))]
    public void Wrong_password_is_rejected_for_every_rendering(ClientRendering client)
    {
        var nonces = new DigestNonceStore();

        var verdict = DigestVerifier.Verify(client.Render(nonces.Issue(), Body, password: "wrong"), "POST", Body, Realm, FindHa1, nonces, out var user);

        Assert.Equal(DigestVerdict.WrongCredentials, verdict);
        Assert.Equal(User, user);
    }

    [Fact]
    public void Nc_is_hashed_exactly_as_sent()
    {
        var relay = Clients.Single(client => client.Name.StartsWith("MeshCentral relay", StringComparison.Ordinal));
        var nonces = new DigestNonceStore();
        var nonce = nonces.Issue();
        // The relay sends nc=1; a verifier that normalised it to 00000001 would accept this response instead.
        var paddedResponse = Response(nonce, "/wsman", "auth", "00000001", relay.Cnonce);

        Assert.Equal(DigestVerdict.WrongCredentials, Verify(relay.Render(nonce, response: paddedResponse), nonces));
        Assert.Equal(DigestVerdict.Accepted, Verify(relay.Render(nonce), nonces));
    }

    [Fact]
    public void Auth_int_covers_the_body()
    {
        var meshCommander = Clients.Single(client => client.Qop == "auth-int");
        var nonces = new DigestNonceStore();
        var header = meshCommander.Render(nonces.Issue(), Body);

        Assert.Equal(DigestVerdict.WrongCredentials, Verify(header, nonces, [.. Body, (byte)' ']));
        Assert.Equal(DigestVerdict.Accepted, Verify(header, nonces));
    }

    [Fact]
    public void Upper_case_response_hex_is_accepted()
    {
        var client = Clients[0];
        var nonces = new DigestNonceStore();
        var nonce = nonces.Issue();
        var upper = Response(nonce, client.Uri, client.Qop, client.Nc, client.Cnonce).ToUpperInvariant();

        Assert.Equal(DigestVerdict.Accepted, Verify(client.Render(nonce, response: upper), nonces));
    }

    [Fact]
    public void Unknown_user_is_wrong_credentials()
    {
        var nonces = new DigestNonceStore();
        var header = Clients[0].Render(nonces.Issue()).Replace("username=\"admin\"", "username=\"guest\"", StringComparison.Ordinal);

        Assert.Equal(DigestVerdict.WrongCredentials, DigestVerifier.Verify(header, "POST", Body, Realm, FindHa1, nonces, out var user));
        Assert.Equal("guest", user);
    }

    [Fact]
    public void Nonce_is_reused_with_a_rising_nc_until_it_ages_out()
    {
        var clock = new ManualTimeProvider();
        var nonces = new DigestNonceStore(clock) { Lifetime = TimeSpan.FromMinutes(10) };
        var nonce = nonces.Issue();
        string Request(int nc) => Clients[0].Render(nonce).Replace("nc=00000001", $"nc={nc:x8}", StringComparison.Ordinal)
            .Replace(Response(nonce, "/wsman", "auth", "00000001", Clients[0].Cnonce), Response(nonce, "/wsman", "auth", $"{nc:x8}", Clients[0].Cnonce), StringComparison.Ordinal);

        Assert.Equal(DigestVerdict.Accepted, Verify(Request(1), nonces));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(DigestVerdict.Accepted, Verify(Request(2), nonces));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(DigestVerdict.Accepted, Verify(Request(3), nonces));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(DigestVerdict.StaleNonce, Verify(Request(4), nonces));
    }

    [Fact]
    public void Nonce_used_more_than_max_uses_is_stale()
    {
        var nonces = new DigestNonceStore(new ManualTimeProvider()) { MaxUses = 2 };
        var header = Clients[0].Render(nonces.Issue());

        Assert.Equal(DigestVerdict.Accepted, Verify(header, nonces));
        Assert.Equal(DigestVerdict.Accepted, Verify(header, nonces));
        Assert.Equal(DigestVerdict.StaleNonce, Verify(header, nonces));

        var fresh = Clients[0].Render(nonces.Issue());
        Assert.Equal(DigestVerdict.Accepted, Verify(fresh, nonces));
    }

    [Fact]
    public void Unknown_nonce_with_right_credentials_is_stale()
    {
        // The MeshCentral relay's global challenge cache outlives device restarts.
        var header = Clients[1].Render("OLDNONCEfromBEFOREaRESTARTxxxxxx");

        Assert.Equal(DigestVerdict.StaleNonce, Verify(header, new DigestNonceStore()));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic YWRtaW46UEBzc3cwcmQh")]
    [InlineData("Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnagMDAuBgkqhkiC9xIBAgIGCSqGSIb3EgECAgYKKwYBBAGCNwICHgYKKwYBBAGCNwICCg==")]
    [InlineData("")]
    public void Missing_or_other_scheme_is_no_credentials(string? header)
    {
        Assert.Equal(DigestVerdict.NoCredentials, Verify(header, new DigestNonceStore()));
    }

    [Theory]
    [InlineData("Digest garbage")]
    [InlineData("Digest username=\"admin\", realm=\"Digest:727734D63A1FC0423736E48DA554E462\", nonce=\"n\", uri=\"/wsman\"")]
    [InlineData("Digest username=\"admin\", realm=\"Digest:OTHERREALM\", nonce=\"n\", uri=\"/wsman\", response=\"6629fae49393a05397450978507c4ef1\"")]
    [InlineData("Digest username=\"admin\", realm=\"Digest:727734D63A1FC0423736E48DA554E462\", nonce=\"n\", uri=\"/wsman\", qop=auth, cnonce=\"c\", response=\"6629fae49393a05397450978507c4ef1\"")]
    [InlineData("Digest username=\"admin\", realm=\"Digest:727734D63A1FC0423736E48DA554E462\", nonce=\"n\", uri=\"/wsman\", qop=auth, nc=00000001, response=\"6629fae49393a05397450978507c4ef1\"")]
    [InlineData("Digest username=\"admin\", realm=\"Digest:727734D63A1FC0423736E48DA554E462\", nonce=\"n\", uri=\"/wsman\", qop=auth-conf, nc=1, cnonce=\"c\", response=\"6629fae49393a05397450978507c4ef1\"")]
    [InlineData("Digest username=\"admin\", realm=\"Digest:727734D63A1FC0423736E48DA554E462\", nonce=\"unterminated")]
    public void Unreadable_or_foreign_realm_header_is_malformed(string header)
    {
        Assert.Equal(DigestVerdict.Malformed, Verify(header, new DigestNonceStore()));
    }

    [Fact]
    public void Issued_nonces_are_32_characters_without_equals_and_all_different()
    {
        var nonces = new DigestNonceStore();

        var issued = Enumerable.Range(0, 500).Select(_ => nonces.Issue()).ToArray();

        Assert.All(issued, nonce =>
        {
            Assert.Equal(32, nonce.Length);
            Assert.DoesNotContain('=', nonce);
            Assert.DoesNotContain('"', nonce);
        });
        Assert.Equal(issued.Length, issued.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Nonce_store_forgets_the_oldest_nonces_beyond_its_capacity()
    {
        var nonces = new DigestNonceStore();
        var first = nonces.Issue();
        for (var i = 0; i < 300; i++)
        {
            nonces.Issue();
        }

        Assert.Equal(NonceState.Unknown, nonces.Use(first));
    }
}
