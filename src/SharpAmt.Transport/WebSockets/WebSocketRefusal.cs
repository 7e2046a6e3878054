namespace SharpAmt.Transport.WebSockets;

/// <summary>Every reason an upgrade request is refused. Status codes and text live in <see cref="WebSocketRefusals"/>.</summary>
public enum WebSocketRefusal
{
    /// <summary>The peer closed before its head was complete; nothing is answered.</summary>
    ClosedEarly,

    /// <summary>The head did not arrive within <see cref="WebSocketAcceptOptions.HeadTimeout"/>.</summary>
    TimedOut,

    /// <summary>The head is larger than <see cref="WebSocketAcceptOptions.MaxHeadBytes"/>.</summary>
    HeadTooLarge,

    /// <summary>Not an HTTP/1.1 request head.</summary>
    MalformedRequest,

    /// <summary>Bytes followed the head before the answer: a client must wait for 101 (RFC 6455 §4.1).</summary>
    DataBeforeHandshake,

    /// <summary>A method other than GET.</summary>
    NotGet,

    /// <summary>No Host header (RFC 6455 §4.2.1 item 2).</summary>
    MissingHost,

    /// <summary>No <c>Upgrade: websocket</c> and <c>Connection: Upgrade</c>: a plain HTTP request.</summary>
    NotUpgrade,

    /// <summary>Sec-WebSocket-Version missing or other than 13.</summary>
    UnsupportedVersion,

    /// <summary>Sec-WebSocket-Key missing or not 16 bytes in base64.</summary>
    InvalidKey,

    /// <summary>A page from an origin not in <see cref="WebSocketAcceptOptions.AllowedOrigins"/>.</summary>
    OriginNotAllowed,
}
