namespace SharpAmt.Transport.Http;

public sealed record HttpRequest(HttpRequestHead Head, ReadOnlyMemory<byte> Body)
{
    /// <summary>HTTP/1.1 keeps the connection unless the client says close; HTTP/1.0 only on keep-alive.</summary>
    public bool WantsKeepAlive => Head.Version == "HTTP/1.1"
        ? !Head.Headers.HasToken("Connection", "close")
        : Head.Headers.HasToken("Connection", "keep-alive");
}

public sealed record HttpResponse(HttpResponseHead Head, ReadOnlyMemory<byte> Body)
{
    public int StatusCode => Head.StatusCode;

    /// <summary>False when the device announced it will close, or framed the body by closing.</summary>
    public bool KeepAlive { get; init; } = true;
}
