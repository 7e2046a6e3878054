namespace SharpAmt.Transport.Http.Device;

/// <summary>What a device does with each request that arrives on one of its HTTP connections.</summary>
public interface IHttpDeviceApplication
{
    ValueTask<HttpDeviceReply> HandleAsync(HttpRequest request, CancellationToken cancellationToken);

    /// <summary>The reply to bytes that are not a valid request; the connection closes after it.</summary>
    HttpDeviceReply RejectMalformed(AmtProtocolException violation);
}
