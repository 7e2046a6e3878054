using System.Text;
using SharpAmt.Transport.Digest;
using Xunit;

namespace SharpAmt.Transport.Tests.Digest;

public sealed class DigestHashTests
{
    private const string RfcNonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";

    [Fact]
    public void Rfc_2617_worked_example()
    {
        var ha1 = DigestHash.Ha1("Mufasa", "testrealm@host.com", "Circle Of Life");
        var ha2 = DigestHash.Ha2("GET", "/dir/index.html", "auth", []);

        var response = DigestHash.Response(ha1, RfcNonce, "auth", "00000001", "0a4f113b", ha2);

        Assert.Equal("939e7578ed9e3c518a452acee763bce9", ha1);
        Assert.Equal("39aff3a2bab6126f332b942af96d3366", ha2);
        Assert.Equal("6629fae49393a05397450978507c4ef1", response);
    }

    [Fact]
    public void Rfc_2069_response_has_no_nc_cnonce_or_qop()
    {
        // RFC 2069 section 2.4 with the password "CircleOfLife". The response printed in the RFC is a known
        // erratum; this is MD5(HA1 ":" nonce ":" HA2) for its inputs.
        var ha1 = DigestHash.Ha1("Mufasa", "testrealm@host.com", "CircleOfLife");
        var ha2 = DigestHash.Ha2("GET", "/dir/index.html", null, []);

        var response = DigestHash.Response(ha1, RfcNonce, null, "ignored", "ignored", ha2);

        Assert.Equal("1949323746fe6a43ef61f9606e7febea", response);
        Assert.Equal(DigestTestValues.Md5($"{ha1}:{RfcNonce}:{ha2}"), response);
    }

    [Fact]
    public void Auth_int_hashes_the_body_into_ha2()
    {
        var body = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope/>");
        var other = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><Envelope />");

        var ha2 = DigestHash.Ha2("POST", "/wsman", "auth-int", body);

        Assert.Equal(DigestTestValues.Md5($"POST:/wsman:{DigestTestValues.Md5(body)}"), ha2);
        Assert.NotEqual(ha2, DigestHash.Ha2("POST", "/wsman", "auth-int", other));
        Assert.Equal(DigestHash.Ha2("POST", "/wsman", "auth", body), DigestHash.Ha2("POST", "/wsman", "auth", other));
        Assert.Equal(DigestTestValues.Md5("POST:/wsman"), DigestHash.Ha2("POST", "/wsman", "auth", body));
    }

    [Fact]
    public void Nc_is_hashed_exactly_as_given()
    {
        var ha1 = DigestTestValues.Ha1();
        var ha2 = DigestHash.Ha2("POST", "/wsman", "auth", []);

        var padded = DigestHash.Response(ha1, "n", "auth", "00000001", "c", ha2);
        var bare = DigestHash.Response(ha1, "n", "auth", "1", "c", ha2);

        Assert.NotEqual(padded, bare);
        Assert.Equal(DigestTestValues.Md5($"{ha1}:n:1:c:auth:{ha2}"), bare);
    }

    [Fact]
    public void Hex_is_lower_case()
    {
        Assert.Matches("^[0-9a-f]{32}$", DigestHash.Md5Hex("anything at all"));
        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", DigestHash.Md5Hex(ReadOnlySpan<byte>.Empty));
    }
}
