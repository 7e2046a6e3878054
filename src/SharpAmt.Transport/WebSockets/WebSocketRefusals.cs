namespace SharpAmt.Transport.WebSockets;

/// <summary>The status code and words for each <see cref="WebSocketRefusal"/>, in one place.</summary>
public static class WebSocketRefusals
{
    /// <summary>The HTTP status answered, or 0 when nothing is (the peer is gone).</summary>
    public static int StatusCode(WebSocketRefusal refusal) => refusal switch
    {
        WebSocketRefusal.ClosedEarly => 0,
        WebSocketRefusal.TimedOut => 408,
        WebSocketRefusal.OriginNotAllowed => 403,
        // RFC 6455 §4.4 and RFC 9110 §15.5.22: 426 names what the client should speak instead.
        WebSocketRefusal.NotUpgrade or WebSocketRefusal.UnsupportedVersion => 426,
        _ => 400,
    };

    public static string ReasonPhrase(int statusCode) => statusCode switch
    {
        403 => "Forbidden",
        408 => "Request Timeout",
        426 => "Upgrade Required",
        _ => "Bad Request",
    };

    public static string Describe(WebSocketRefusal refusal) => refusal switch
    {
        WebSocketRefusal.ClosedEarly => "closed before sending a whole request",
        WebSocketRefusal.TimedOut => "the request did not arrive in time",
        WebSocketRefusal.HeadTooLarge => "the request head is too large",
        WebSocketRefusal.MalformedRequest => "not an HTTP/1.1 request",
        WebSocketRefusal.DataBeforeHandshake => "data sent before the handshake was answered",
        WebSocketRefusal.NotGet => "a WebSocket handshake is a GET request",
        WebSocketRefusal.MissingHost => "no Host header",
        WebSocketRefusal.NotUpgrade => "not a WebSocket upgrade request",
        WebSocketRefusal.UnsupportedVersion => "WebSocket version 13 only",
        WebSocketRefusal.InvalidKey => "missing or malformed Sec-WebSocket-Key",
        WebSocketRefusal.OriginNotAllowed => "web pages from this origin may not connect",
        _ => refusal.ToString(),
    };
}
