using System.Text;
using SharpAmt.Transport;
using SharpAmt.Transport.Digest;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.Http.Device;

namespace SharpAmt.Simulator.Http;

/// <summary>
/// What the ME's web server does with each request: <c>GET /</c> redirects to the logon page (presence checks
/// read its Server header), <c>POST /wsman</c> is digest-authenticated and dispatched, and injected faults apply.
/// </summary>
internal sealed class DeviceHttpApplication : IHttpDeviceApplication
{
    private static readonly byte[] PartialEnvelope = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope xmlns:a=\"http://www.w3.org/2003/05/soap-envelope\"><a:Header><b:To>" + new string('x', 200));

    private readonly SimulatedDevice _device;

    public DeviceHttpApplication(SimulatedDevice device)
    {
        _device = device;
    }

    public async ValueTask<HttpDeviceReply> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        _device.CountRequest($"{request.Head.Method} {request.Head.Target}");
        if (_device.Faults.ReplyDelay > TimeSpan.Zero)
        {
            await Task.Delay(_device.Faults.ReplyDelay, _device.Options.Time, cancellationToken).ConfigureAwait(false);
        }

        var path = request.Head.Target;
        if (request.Head.Method == "GET" && path == "/")
        {
            return _device.Replies.SeeOther("/logon.htm");
        }

        if (path != "/wsman")
        {
            return _device.Replies.NotFound();
        }

        if (request.Head.Method != "POST")
        {
            return _device.Replies.BadRequest("Only POST is served here.");
        }

        if (Authenticate(request) is { } challenge)
        {
            return challenge;
        }

        if (_device.Faults.TakeDroppedReply())
        {
            var partial = _device.Replies.Soap(PartialEnvelope);
            return partial with { TruncateAfterBytes = 180 };
        }

        try
        {
            var reply = await _device.Dispatcher.DispatchAsync(request.Body, cancellationToken).ConfigureAwait(false);
            return reply.IsFault ? _device.Replies.SoapFault(reply.Envelope) : _device.Replies.Soap(reply.Envelope);
        }
        catch (AmtProtocolException violation)
        {
            return _device.Replies.BadRequest(violation.Message);
        }
    }

    public HttpDeviceReply RejectMalformed(AmtProtocolException violation) => _device.Replies.BadRequest(violation.Message);

    /// <summary>Null when the request carries valid credentials; otherwise the 401 to send.</summary>
    private HttpDeviceReply? Authenticate(HttpRequest request)
    {
        var accounts = _device.Accounts;
        if (accounts.IsLockedOut)
        {
            return Challenge(stale: false);
        }

        var verdict = DigestVerifier.Verify(request.Head.Headers["Authorization"], request.Head.Method, request.Body.Span, accounts.Realm, accounts.FindHa1, _device.Nonces, out var user);
        switch (verdict)
        {
            case DigestVerdict.Accepted:
                accounts.RecordSuccess();
                return null;

            case DigestVerdict.StaleNonce:
                return Challenge(stale: true);

            case DigestVerdict.WrongCredentials:
                if (accounts.RecordFailure())
                {
                    _device.RaiseSecurity($"logons refused for a while after repeated failures (last user '{user}')");
                }

                return Challenge(stale: false);

            default:
                return Challenge(stale: false);
        }
    }

    private HttpDeviceReply Challenge(bool stale) =>
        _device.Replies.Unauthorized(new DigestChallenge(_device.Accounts.Realm, _device.Nonces.Issue(), _device.Firmware.DigestQop, stale));
}
