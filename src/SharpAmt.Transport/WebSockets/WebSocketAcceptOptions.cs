namespace SharpAmt.Transport.WebSockets;

/// <summary>What <see cref="WebSocketAcceptor"/> accepts: bounds on the upgrade request, and which web pages may make it.</summary>
public sealed record WebSocketAcceptOptions
{
    /// <summary>Largest upgrade request head, request line to blank line. A browser's is well under 2 KiB.</summary>
    public int MaxHeadBytes { get; init; } = 8 * 1024;

    /// <summary>How long the whole head may take to arrive after the connection was accepted.</summary>
    public TimeSpan HeadTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Web origins (<c>scheme://host[:port]</c>, see <see cref="WebSocketOrigin"/>) whose pages may connect. A browser
    /// sends Origin with every WebSocket request, so a page from any other site, which could otherwise reach a listener
    /// on the user's own loopback, is refused; requests without Origin come from programs, not pages, and are accepted.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>Subprotocols spoken, in order of preference; the first one the client offers is echoed, else none.</summary>
    public IReadOnlyList<string> SubProtocols { get; init; } = [];

    /// <summary>How often an idle connection sends a keep-alive frame, so middleboxes and the peer see it alive.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait for the peer's answer to our close frame when the stream is disposed.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
