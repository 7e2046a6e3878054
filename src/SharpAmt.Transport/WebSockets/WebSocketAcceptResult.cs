using System.Net.WebSockets;

namespace SharpAmt.Transport.WebSockets;

/// <param name="Decision">What was decided, with the refusal's reason when there is no <paramref name="WebSocket"/>.</param>
/// <param name="WebSocket">The open server-side WebSocket; null when refused.</param>
public sealed record WebSocketAcceptResult(WebSocketUpgradeDecision Decision, WebSocket? WebSocket);
