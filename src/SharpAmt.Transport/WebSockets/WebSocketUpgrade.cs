using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using SharpAmt.Transport.Http;

namespace SharpAmt.Transport.WebSockets;

/// <summary>
/// The server's side of the opening handshake (RFC 6455 §4.2) without I/O: whether a request head may be upgraded,
/// and the bytes of the answer either way. <see cref="WebSocketAcceptor"/> does the reading and writing.
/// </summary>
public static class WebSocketUpgrade
{
    /// <summary>The GUID every server appends to the client's key before hashing (RFC 6455 §1.3).</summary>
    public const string KeyGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>Checks a request head in the order RFC 6455 §4.2.1 lists the requirements, then the origin.</summary>
    public static WebSocketUpgradeDecision Decide(HttpRequestHead request, WebSocketAcceptOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        var headers = request.Headers;
        if (request.Method != "GET")
        {
            return WebSocketUpgradeDecision.Refuse(WebSocketRefusal.NotGet, HttpHeadParser.Printable(request.Method));
        }

        if (request.Version != "HTTP/1.1")
        {
            return WebSocketUpgradeDecision.Refuse(WebSocketRefusal.MalformedRequest, request.Version);
        }

        if (string.IsNullOrWhiteSpace(headers["Host"]))
        {
            return WebSocketUpgradeDecision.Refuse(WebSocketRefusal.MissingHost);
        }

        if (!headers.HasToken("Upgrade", "websocket") || !headers.HasToken("Connection", "Upgrade"))
        {
            return WebSocketUpgradeDecision.Refuse(WebSocketRefusal.NotUpgrade);
        }

        var key = headers["Sec-WebSocket-Key"];
        if (!IsValidKey(key))
        {
            return WebSocketUpgradeDecision.Refuse(WebSocketRefusal.InvalidKey);
        }

        var version = headers["Sec-WebSocket-Version"];
        if (version != "13")
        {
            return WebSocketUpgradeDecision.Refuse(WebSocketRefusal.UnsupportedVersion, version is null ? "none given" : HttpHeadParser.Printable(version));
        }

        if (headers["Origin"] is { } origin && !WebSocketOrigin.IsAllowed(origin, options.AllowedOrigins))
        {
            return WebSocketUpgradeDecision.Refuse(WebSocketRefusal.OriginNotAllowed, HttpHeadParser.Printable(origin));
        }

        return WebSocketUpgradeDecision.Accept(AcceptKey(key!), ChooseSubProtocol(headers, options.SubProtocols), headers["Origin"], request.Target);
    }

    /// <summary>Sec-WebSocket-Accept for a client's Sec-WebSocket-Key: base64 of SHA-1 over the key and <see cref="KeyGuid"/>.</summary>
    public static string AcceptKey(string key) => Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + KeyGuid)));

    /// <summary>The 101 answer for an accepted request, or the refusal with its status, a line of text and Connection: close.</summary>
    public static void WriteAnswer(IBufferWriter<byte> output, WebSocketUpgradeDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var headers = new HttpHeaders();
        if (decision.Refusal is not { } refusal)
        {
            headers.Add("Upgrade", "websocket").Add("Connection", "Upgrade").Add("Sec-WebSocket-Accept", decision.AcceptKey!);
            if (decision.SubProtocol is { } subProtocol)
            {
                headers.Add("Sec-WebSocket-Protocol", subProtocol);
            }

            HttpMessageWriter.WriteResponse(output, 101, "Switching Protocols", headers, []);
            return;
        }

        var status = WebSocketRefusals.StatusCode(refusal);
        if (refusal == WebSocketRefusal.UnsupportedVersion)
        {
            headers.Add("Sec-WebSocket-Version", "13");
        }
        else if (refusal == WebSocketRefusal.NotUpgrade)
        {
            headers.Add("Upgrade", "websocket");
        }

        var body = Encoding.ASCII.GetBytes(WebSocketRefusals.Describe(refusal) + "\n");
        headers.Add("Content-Type", "text/plain; charset=us-ascii")
            .Add("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Add("Connection", "close");
        HttpMessageWriter.WriteResponse(output, status, WebSocketRefusals.ReasonPhrase(status), headers, body);
    }

    private static bool IsValidKey(string? key)
    {
        Span<byte> nonce = stackalloc byte[18];
        return key is { Length: 24 } && Convert.TryFromBase64String(key, nonce, out var written) && written == 16;
    }

    /// <summary>The first of ours the client offers (RFC 6455 §4.2.2 item 5: the server picks one, or none).</summary>
    private static string? ChooseSubProtocol(HttpHeaders headers, IReadOnlyList<string> ours)
    {
        foreach (var candidate in ours)
        {
            if (headers.HasToken("Sec-WebSocket-Protocol", candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
