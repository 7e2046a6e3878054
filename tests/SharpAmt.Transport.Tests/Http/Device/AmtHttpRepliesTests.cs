using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SharpAmt.Transport.Digest;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.Http.Device;
using Xunit;

namespace SharpAmt.Transport.Tests.Http.Device;

public sealed partial class AmtHttpRepliesTests
{
    private static readonly DigestChallenge Challenge = new("Digest:727734D63A1FC0423736E48DA554E462", "B9AX94iAAAAAAAAAx6rrSfPHGUrx/3uA", "auth", false);

    /// <summary>What MeshCentral's presence check requires of a header line (reference section 7.2).</summary>
    [GeneratedRegex(@"^Server: Intel\(R\) Active Management Technology \d+\.\d+\.\d+(\.\d+)?$", RegexOptions.Multiline)]
    private static partial Regex ServerLine();

    private static string[] Names(HttpDeviceReply reply) => reply.Headers.Select(header => header.Key).ToArray();

    private static string Wire(HttpDeviceReply reply)
    {
        var output = new ArrayBufferWriter<byte>();
        HttpMessageWriter.WriteResponse(output, reply.StatusCode, reply.ReasonPhrase, reply.Headers, reply.Body.Span, reply.ChunkSize);
        return Encoding.Latin1.GetString(output.WrittenSpan).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<AmtHttpReplies, HttpDeviceReply>> EveryReply() => new()
    {
        { "401", replies => replies.Unauthorized(Challenge) },
        { "200 SOAP", replies => replies.Soap("<a:Envelope></a:Envelope>"u8.ToArray()) },
        { "400 SOAP fault", replies => replies.SoapFault("<a:Envelope></a:Envelope>"u8.ToArray()) },
        { "400 HTML", replies => replies.BadRequest("Missing required parameter") },
        { "404", replies => replies.NotFound() },
        { "303", replies => replies.SeeOther("/logon.htm") },
    };

    [Theory]
    [InlineData("8.1.71", 689)]
    [InlineData("8.0.3.1000", 689)]
    [InlineData("11.8.50.3425", 690)]
    [InlineData("12.0.67", 690)]
    [InlineData("15.0.23.1706", 693)]
    [InlineData("16.1.25.2020", 693)]
    public void Unauthorized_page_has_the_firmware_length(string version, int length)
    {
        var reply = new AmtHttpReplies(version).Unauthorized(Challenge);

        Assert.Equal(length, reply.Body.Length);
        Assert.Equal(length.ToString(CultureInfo.InvariantCulture), reply.Headers["Content-Length"]);
        var page = Encoding.ASCII.GetString(reply.Body.Span);
        Assert.Contains("<title>Intel&reg; Active Management Technology</title>", page, StringComparison.Ordinal);
        Assert.Contains("Log on failed. Incorrect user name or password, or user account temporarily locked.", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Unauthorized_headers_come_in_amt_order_and_close_the_connection()
    {
        var replies = new AmtHttpReplies("15.0.23.1706");

        var reply = replies.Unauthorized(Challenge);

        Assert.Equal((401, "Unauthorized"), (reply.StatusCode, reply.ReasonPhrase));
        Assert.Equal(["WWW-Authenticate", "Content-Type", "Server", "Content-Length", "Connection"], Names(reply));
        Assert.Equal(Challenge.ToHeaderValue(), reply.Headers["WWW-Authenticate"]);
        Assert.Equal("text/html", reply.Headers["Content-Type"]);
        Assert.Equal("Intel(R) Active Management Technology 15.0.23.1706", reply.Headers["Server"]);
        Assert.Equal("close", reply.Headers["Connection"]);
        Assert.True(reply.CloseConnection);
    }

    [Fact]
    public void Unauthorized_wire_form_matches_amt_byte_for_byte_up_to_the_body()
    {
        var reply = new AmtHttpReplies("15.0.23.1706").Unauthorized(Challenge);

        Assert.StartsWith(
            "HTTP/1.1 401 Unauthorized\n" +
            "WWW-Authenticate: Digest realm=\"Digest:727734D63A1FC0423736E48DA554E462\", nonce=\"B9AX94iAAAAAAAAAx6rrSfPHGUrx/3uA\",stale=\"false\",qop=\"auth\"\n" +
            "Content-Type: text/html\n" +
            "Server: Intel(R) Active Management Technology 15.0.23.1706\n" +
            "Content-Length: 693\n" +
            "Connection: close\n\n<!DOCTYPE HTML",
            Wire(reply),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Soap_reply_headers_come_in_amt_order_chunked_and_kept_alive()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var reply = new AmtHttpReplies("15.0.23.1706").Soap(Encoding.UTF8.GetBytes("<a:Envelope></a:Envelope>"));

        Assert.Equal((200, "OK"), (reply.StatusCode, reply.ReasonPhrase));
        Assert.Equal(["Date", "Server", "X-Frame-Options", "Content-Type", "Transfer-Encoding"], Names(reply));
        var date = DateTimeOffset.ParseExact(reply.Headers["Date"]!, "r", CultureInfo.InvariantCulture);
        Assert.InRange(date, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Matches("^[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$", reply.Headers["Date"]);
        Assert.Equal("DENY", reply.Headers["X-Frame-Options"]);
        Assert.Equal("application/soap+xml; charset=UTF-8", reply.Headers["Content-Type"]);
        Assert.Equal("chunked", reply.Headers["Transfer-Encoding"]);
        Assert.False(reply.Headers.Contains("Connection"));
        Assert.False(reply.CloseConnection);
    }

    [Fact]
    public void Soap_fault_adds_connection_close()
    {
        var reply = new AmtHttpReplies("15.0.23.1706").SoapFault(Encoding.UTF8.GetBytes("<a:Envelope></a:Envelope>"));

        Assert.Equal((400, "Bad Request"), (reply.StatusCode, reply.ReasonPhrase));
        Assert.Equal(["Date", "Server", "X-Frame-Options", "Content-Type", "Transfer-Encoding", "Connection"], Names(reply));
        Assert.Equal("close", reply.Headers["Connection"]);
        Assert.True(reply.CloseConnection);
    }

    [Fact]
    public void Soap_body_goes_out_in_chunks_of_the_configured_size()
    {
        var envelope = Encoding.UTF8.GetBytes(new string('x', 700));
        var reply = new AmtHttpReplies("15.0.23.1706") { ChunkSize = 0x0220 }.Soap(envelope);

        var wire = Wire(reply);

        Assert.Contains("\n\n0220\n", wire, StringComparison.Ordinal);
        Assert.EndsWith("\n009C\n" + new string('x', 0x9C) + "\n0\n\n", wire, StringComparison.Ordinal);
    }

    [Fact]
    public void Web_ui_redirect_has_location_empty_body_and_server()
    {
        var reply = new AmtHttpReplies("7.1.91").SeeOther("/logon.htm");

        Assert.Equal((303, "See Other"), (reply.StatusCode, reply.ReasonPhrase));
        Assert.Equal(["Location", "Content-Length", "Server"], Names(reply));
        Assert.Equal("/logon.htm", reply.Headers["Location"]);
        Assert.Equal("0", reply.Headers["Content-Length"]);
        Assert.True(reply.Body.IsEmpty);
        Assert.Equal(
            "HTTP/1.1 303 See Other\nLocation: /logon.htm\nContent-Length: 0\nServer: Intel(R) Active Management Technology 7.1.91\n\n",
            Wire(reply));
    }

    [Fact]
    public void Html_bad_request_escapes_the_detail_and_closes()
    {
        var reply = new AmtHttpReplies("12.0.67").BadRequest("Missing required parameter <Body> & more");

        Assert.Equal(400, reply.StatusCode);
        Assert.Equal(["Content-Type", "Server", "Content-Length", "Connection"], Names(reply));
        Assert.Equal(reply.Body.Length.ToString(CultureInfo.InvariantCulture), reply.Headers["Content-Length"]);
        Assert.Contains("Bad Request. Missing required parameter &lt;Body> &amp; more", Encoding.ASCII.GetString(reply.Body.Span), StringComparison.Ordinal);
        Assert.True(reply.CloseConnection);
    }

    [Theory]
    [MemberData(nameof(EveryReply))]
    public void Every_reply_carries_the_exact_server_header(string kind, Func<AmtHttpReplies, HttpDeviceReply> make)
    {
        foreach (var version in new[] { "7.1.91", "12.0.67", "15.0.23.1706" })
        {
            var reply = make(new AmtHttpReplies(version));

            Assert.Equal("Intel(R) Active Management Technology " + version, reply.Headers["Server"]);
            var wire = Wire(reply);
            var match = ServerLine().Match(wire);
            Assert.True(match.Success, $"{kind}: no Server line a presence check accepts");
            Assert.Equal("Server: Intel(R) Active Management Technology ", match.Value[..46]);
            Assert.Equal(version, match.Value[46..]);
            Assert.Single(reply.Headers, header => header.Key == "Server");
        }
    }
}
