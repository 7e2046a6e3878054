using System.Net;

namespace SharpAmt.Redirection.Kvm.Gateway;

/// <summary>Where <see cref="KvmGateway"/> listens and what it asks of viewers. At least one endpoint is needed.</summary>
public sealed record KvmGatewayOptions
{
    /// <summary>
    /// Where VNC viewers connect over plain TCP; port 0 picks a free one (see <see cref="KvmGateway.Endpoint"/>). Null
    /// for none.
    /// </summary>
    public IPEndPoint? Listen { get; init; }

    /// <summary>
    /// Where browser viewers (noVNC) connect: RFB over WebSocket binary messages, as websockify serves it; port 0 picks
    /// a free one (see <see cref="KvmGateway.WebSocketEndpoint"/>). Null for none.
    /// </summary>
    public IPEndPoint? ListenWebSocket { get; init; }

    /// <summary>
    /// Web origins (<c>http://host:port</c>) whose pages may open the WebSocket endpoint. Any page the user has open
    /// can reach a WebSocket on loopback, so a request from a page (it carries Origin) is refused unless its origin is
    /// listed; programs send no Origin and are let through.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>VNC authentication with this password (first 8 characters count); null offers security None.</summary>
    public string? VncPassword { get; init; }

    /// <summary>Viewers served at once over both endpoints; one more is refused by closing its connection.</summary>
    public int MaxViewers { get; init; } = 8;

    /// <summary>The desktop name viewers show.</summary>
    public string Name { get; init; } = "SharpAMT KVM gateway";

    /// <summary>Viewers see the screen but their keys and pointer do not reach the device.</summary>
    public bool ViewOnly { get; init; }

    /// <summary>Told when a viewer comes or goes and why a connection ended or was refused, in words for a person.</summary>
    public Action<string>? Log { get; init; }
}
