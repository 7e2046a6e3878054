using System.Buffers;
using System.Text;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.WebSockets;
using Xunit;

namespace SharpAmt.Transport.Tests.WebSockets;

/// <summary>The server's opening handshake without I/O: RFC 6455's worked example, each requirement of §4.2.1, origins.</summary>
public sealed class WebSocketUpgradeTests
{
    private const string Key = "dGhlIHNhbXBsZSBub25jZQ==";

    private static readonly WebSocketAcceptOptions Options = new() { AllowedOrigins = ["http://127.0.0.1:8080"], SubProtocols = ["binary"] };

    [Fact]
    public void The_accept_key_is_the_one_rfc_6455_works_out()
    {
        Assert.Equal("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", WebSocketUpgrade.AcceptKey(Key));
    }

    [Fact]
    public void A_browser_request_from_an_allowed_page_is_answered_101_with_the_subprotocol_it_offered()
    {
        var decision = WebSocketUpgrade.Decide(Request(("Origin", "http://127.0.0.1:8080"), ("Sec-WebSocket-Protocol", "base64, binary")), Options);
        var answer = new ArrayBufferWriter<byte>();
        WebSocketUpgrade.WriteAnswer(answer, decision);

        Assert.True(decision.IsAccepted);
        Assert.Equal("/websockify", decision.Target);
        Assert.Equal(
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nSec-WebSocket-Protocol: binary\r\n\r\n",
            Encoding.ASCII.GetString(answer.WrittenSpan));
    }

    [Fact]
    public void Without_an_origin_or_a_subprotocol_the_request_is_accepted_and_none_is_echoed()
    {
        var decision = WebSocketUpgrade.Decide(Request(), Options);

        Assert.True(decision.IsAccepted);
        Assert.Null(decision.SubProtocol);
        Assert.Null(decision.Origin);
    }

    [Theory]
    [InlineData("Method", "POST", WebSocketRefusal.NotGet)]
    [InlineData("Version", "HTTP/1.0", WebSocketRefusal.MalformedRequest)]
    [InlineData("Host", null, WebSocketRefusal.MissingHost)]
    [InlineData("Upgrade", null, WebSocketRefusal.NotUpgrade)]
    [InlineData("Upgrade", "h2c", WebSocketRefusal.NotUpgrade)]
    [InlineData("Connection", "keep-alive", WebSocketRefusal.NotUpgrade)]
    [InlineData("Sec-WebSocket-Key", null, WebSocketRefusal.InvalidKey)]
    [InlineData("Sec-WebSocket-Key", "c2hvcnQ=", WebSocketRefusal.InvalidKey)]
    [InlineData("Sec-WebSocket-Key", "not base64 at all, 24 ch", WebSocketRefusal.InvalidKey)]
    [InlineData("Sec-WebSocket-Version", null, WebSocketRefusal.UnsupportedVersion)]
    [InlineData("Sec-WebSocket-Version", "8", WebSocketRefusal.UnsupportedVersion)]
    [InlineData("Origin", "http://evil.example", WebSocketRefusal.OriginNotAllowed)]
    [InlineData("Origin", "http://127.0.0.1:8081", WebSocketRefusal.OriginNotAllowed)]
    [InlineData("Origin", "https://127.0.0.1:8080", WebSocketRefusal.OriginNotAllowed)]
    [InlineData("Origin", "null", WebSocketRefusal.OriginNotAllowed)]
    public void A_request_breaking_one_requirement_is_refused_for_it(string what, string? value, WebSocketRefusal expected)
    {
        var request = what switch
        {
            "Method" => Request() with { Method = value! },
            "Version" => Request() with { Version = value! },
            _ => Request((what, value)),
        };

        Assert.Equal(expected, WebSocketUpgrade.Decide(request, Options).Refusal);
    }

    [Fact]
    public void A_refusal_is_its_status_a_line_of_text_and_connection_close()
    {
        var answer = new ArrayBufferWriter<byte>();
        WebSocketUpgrade.WriteAnswer(answer, WebSocketUpgradeDecision.Refuse(WebSocketRefusal.UnsupportedVersion, "8"));

        Assert.Equal(
            "HTTP/1.1 426 Upgrade Required\r\nSec-WebSocket-Version: 13\r\nContent-Type: text/plain; charset=us-ascii\r\nContent-Length: 26\r\nConnection: close\r\n\r\nWebSocket version 13 only\n",
            Encoding.ASCII.GetString(answer.WrittenSpan));
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080")]
    [InlineData("HTTP://LocalHost:80/", "http://localhost")]
    [InlineData("https://Example.org:443", "https://example.org")]
    [InlineData("http://[::1]:8080/", "http://[::1]:8080")]
    public void Origins_are_kept_as_browsers_send_them(string given, string origin)
    {
        Assert.True(WebSocketOrigin.TryNormalize(given, out var normalized));
        Assert.Equal(origin, normalized);
    }

    [Theory]
    [InlineData("127.0.0.1:8080")]
    [InlineData("ftp://example.org")]
    [InlineData("http://example.org/vnc.html")]
    [InlineData("http://example.org/?x=1")]
    [InlineData("http://user@example.org")]
    [InlineData("null")]
    [InlineData("")]
    public void What_is_not_an_http_origin_is_not_one(string given)
    {
        Assert.False(WebSocketOrigin.TryNormalize(given, out _));
    }

    /// <summary>noVNC's request from Chromium, less what does not matter here; a header given as null is left out.</summary>
    private static HttpRequestHead Request(params (string Name, string? Value)[] changes)
    {
        (string Name, string? Value)[] lines =
        [
            ("Host", "127.0.0.1:5902"),
            ("Connection", "Upgrade"),
            ("Upgrade", "websocket"),
            ("Sec-WebSocket-Version", "13"),
            ("Sec-WebSocket-Key", Key),
            ("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits"),
        ];
        var headers = new HttpHeaders();
        foreach (var (name, value) in lines.Where(line => changes.All(change => change.Name != line.Name)).Concat(changes))
        {
            if (value is not null)
            {
                headers.Add(name, value);
            }
        }

        return new HttpRequestHead("GET", "/websockify", "HTTP/1.1", headers);
    }
}
