using System.Net;
using System.Net.Sockets;

namespace SharpAmt.Redirection.Kvm.Gateway;

/// <summary>One of the gateway's endpoints could not be bound (in use, or not an address of this machine).</summary>
public sealed class KvmGatewayListenException : SocketException
{
    public KvmGatewayListenException(IPEndPoint endpoint, bool webSocket, SocketException innerException)
        : base((int)innerException.SocketErrorCode)
    {
        Endpoint = endpoint;
        IsWebSocket = webSocket;
        Reason = innerException.Message;
    }

    /// <summary>The endpoint that failed.</summary>
    public IPEndPoint Endpoint { get; }

    /// <summary>Whether it was the WebSocket endpoint rather than the TCP one.</summary>
    public bool IsWebSocket { get; }

    /// <summary>The system's words for the failure ("Address already in use").</summary>
    public string Reason { get; }

    public override string Message => $"cannot listen on {Endpoint}{(IsWebSocket ? " (WebSocket)" : "")}: {Reason}";
}
