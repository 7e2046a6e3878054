using System.Text;
using SharpAmt.Eoi;
using SharpAmt.Transport;
using SharpAmt.Transport.Digest;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.Http.Device;

namespace SharpAmt.Simulator.Http;

/// <summary>
/// What the ME's web server does with each request: <c>GET /</c> redirects to the logon page (presence checks
/// read its Server header); <c>POST /wsman</c> and the EOI service paths are digest-authenticated and
/// dispatched, each where the firmware generation has it; injected faults apply.
/// </summary>
internal sealed class DeviceHttpApplication : IHttpDeviceApplication
{
    private static readonly byte[] PartialEnvelope = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><a:Envelope xmlns:a=\"http://www.w3.org/2003/05/soap-envelope\"><a:Header><b:To>" + new string('x', 200));

    private static readonly byte[] PartialEoiEnvelope = Encoding.UTF8.GetBytes(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><SOAP-ENV:Envelope xmlns:SOAP-ENV=\"http://schemas.xmlsoap.org/soap/envelope/\"><SOAP-ENV:Body>" + new string('x', 200));

    private const string EoiContentType = "text/xml; charset=UTF-8";

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

        // Each API lives at its own paths, and only on the generations that had it: /wsman from AMT 3.2, the EOI
        // services up to AMT 8. Anything else is the web server's 404, as for any unknown page.
        var firmware = _device.Firmware;
        var eoiService = firmware.ServesEoi ? EoiServices.FindByPath(path) : null;
        if (eoiService is null && !(path == "/wsman" && firmware.ServesWsMan))
        {
            return _device.Replies.NotFound();
        }

        if (request.Head.Method != "POST")
        {
            return _device.Replies.BadRequest("Only POST is served here.");
        }

        // Nothing runs before the digest check passes: amttool's first request to each path comes without
        // credentials, and a RemoteControl must not act on it.
        if (Authenticate(request) is { } challenge)
        {
            return challenge;
        }

        if (_device.Faults.TakeDroppedReply())
        {
            var partial = _device.Replies.Soap(eoiService is null ? PartialEnvelope : PartialEoiEnvelope);
            return partial with { TruncateAfterBytes = 180 };
        }

        return eoiService is null
            ? await DispatchWsManAsync(request, cancellationToken).ConfigureAwait(false)
            : await DispatchEoiAsync(eoiService, request, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<HttpDeviceReply> DispatchWsManAsync(HttpRequest request, CancellationToken cancellationToken)
    {
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

    /// <summary>
    /// EOI replies are SOAP 1.1: <c>text/xml</c>, and a fault travels with HTTP 500 (SOAP 1.1 section 6.2) and
    /// closes the connection, as every AMT error reply does.
    /// </summary>
    private async ValueTask<HttpDeviceReply> DispatchEoiAsync(EoiService service, HttpRequest request, CancellationToken cancellationToken)
    {
        var reply = await _device.Eoi.DispatchAsync(service, request.Body, cancellationToken).ConfigureAwait(false);
        return reply.IsFault
            ? _device.Replies.SoapFault(reply.Envelope, EoiContentType) with { StatusCode = 500, ReasonPhrase = "Internal Server Error" }
            : _device.Replies.Soap(reply.Envelope, EoiContentType);
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
