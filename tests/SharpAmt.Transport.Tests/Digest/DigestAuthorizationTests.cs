using System.Buffers;
using SharpAmt.Transport.Digest;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.Tests.Support;
using Xunit;
using static SharpAmt.Transport.Tests.Digest.DigestTestValues;

namespace SharpAmt.Transport.Tests.Digest;

public sealed class DigestAuthorizationTests
{
    private const string Nonce = "B9AX94iAAAAAAAAAx6rrSfPHGUrx/3uA";

    [Theory]
    [MemberData(nameof(DigestTestValues.ClientData), MemberType = typeof(DigestTestValues))]
    public void Every_real_client_rendering_is_parsed(ClientRendering client)
    {
        var header = client.Render(Nonce, response: "0123456789abcdef0123456789abcdef");

        var authorization = DigestAuthorization.TryParse(header);

        Assert.NotNull(authorization);
        Assert.Equal(User, authorization.Username);
        Assert.Equal(Realm, authorization.Realm);
        Assert.Equal(Nonce, authorization.Nonce);
        Assert.Equal(client.Uri, authorization.Uri);
        Assert.Equal("0123456789abcdef0123456789abcdef", authorization.Response);
        Assert.Equal(client.Qop, authorization.Qop);
        Assert.Equal(client.Nc, authorization.Nc);
        Assert.Equal(client.Cnonce, authorization.Cnonce);
    }

    [Fact]
    public void Lwp_algorithm_is_kept()
    {
        var lwp = Clients.Single(client => client.Name.Contains("LWP", StringComparison.Ordinal));

        Assert.Equal("MD5", DigestAuthorization.TryParse(lwp.Render(Nonce))!.Algorithm);
    }

    [Fact]
    public void Relay_header_with_a_lower_case_name_is_found_after_head_parsing()
    {
        var relay = Clients.Single(client => client.Name.StartsWith("MeshCentral relay", StringComparison.Ordinal));
        var head = $"POST /wsman HTTP/1.1\r\nhost: node//abc:16992\r\ncontent-length: 0\r\nauthorization: {relay.Render(Nonce)}\r\n\r\n";
        var reader = new SequenceReader<byte>(Segments.Of(head));
        Assert.True(HttpHeadParser.TryReadRequestHead(ref reader, HttpLimits.Default, out var parsed));

        var authorization = DigestAuthorization.TryParse(parsed.Headers["Authorization"]!);

        Assert.NotNull(authorization);
        Assert.Equal("1", authorization.Nc);
        Assert.Equal("9a8b7c6d5e", authorization.Cnonce);
    }

    [Fact]
    public void Header_value_is_rendered_as_meshcommander_sends_it()
    {
        var authorization = new DigestAuthorization(User, Realm, Nonce, "/wsman", "r35p0n5e", "auth", "00000002", "c0ffee");

        Assert.Equal(
            $"Digest username=\"admin\",realm=\"{Realm}\",nonce=\"{Nonce}\",uri=\"/wsman\",qop=auth,response=\"r35p0n5e\",nc=00000002,cnonce=\"c0ffee\"",
            authorization.ToHeaderValue());
    }

    [Theory]
    [InlineData("auth", "00000001", "abc", null)]
    [InlineData("auth-int", "0000000a", "abc", "op4que")]
    [InlineData(null, null, null, null)]
    [InlineData(null, null, null, "op4que")]
    public void Rendered_header_parses_back_to_the_same_fields(string? qop, string? nc, string? cnonce, string? opaque)
    {
        var authorization = new DigestAuthorization(User, Realm, Nonce, "/wsman", "r35p0n5e", qop, nc, cnonce, Opaque: opaque);

        Assert.Equal(authorization, DigestAuthorization.TryParse(authorization.ToHeaderValue()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Basic YWRtaW46UEBzc3cwcmQh")]
    [InlineData("Digest realm=\"r\", nonce=\"n\", uri=\"/wsman\", response=\"x\"")]
    [InlineData("Digest username=\"admin\", realm=\"r\", nonce=\"n\", uri=\"/wsman\"")]
    [InlineData("Digest username=\"admin\", realm=\"r\", nonce=\"n\", uri=\"/wsman\", response=\"unterminated")]
    public void Incomplete_or_foreign_headers_give_null(string header)
    {
        Assert.Null(DigestAuthorization.TryParse(header));
    }
}
