using SharpAmt.Eoi.Messages;
using SharpAmt.Eoi.Wire;
using SharpAmt.Transport;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.Http.Client;

namespace SharpAmt.Eoi;

/// <summary>
/// The legacy EOI SOAP interface of AMT 2.x to 8 (reference section 5), as amttool speaks it: each call is posted
/// to its service's path with the SOAPAction header, in the body SOAP::Lite would write. A non-zero PT_STATUS
/// raises <see cref="EoiStatusException"/>, a SOAP fault <see cref="EoiFaultException"/>, and a device without EOI
/// (AMT 9 and later) <see cref="EoiNotServedException"/>. Digest, TLS, retries and limits come from
/// <see cref="AmtHttpClient"/>.
/// </summary>
public sealed partial class EoiClient : IAsyncDisposable
{
    private const string ContentType = "text/xml; charset=utf-8";

    private readonly bool _ownsHttp;

    public EoiClient(AmtHttpClientOptions options)
        : this(new AmtHttpClient(options), ownsHttp: true)
    {
    }

    public EoiClient(AmtHttpClient http, bool ownsHttp = false)
    {
        Http = http;
        _ownsHttp = ownsHttp;
    }

    public AmtHttpClient Http { get; }

    /// <summary>Largest reply accepted, in characters.</summary>
    public int MaxResponseCharacters { get; init; } = EoiXml.DefaultMaxCharacters;

    /// <summary>SecurityAdministration.GetCoreVersion: the firmware version, e.g. <c>5.2.70</c>.</summary>
    public async Task<string> GetCoreVersionAsync(CancellationToken cancellationToken = default)
    {
        var response = await CallAsync(SecurityAdministrationMessages.GetCoreVersion(), RequestSafety.Idempotent, cancellationToken).ConfigureAwait(false);
        return SecurityAdministrationMessages.ReadCoreVersion(response);
    }

    /// <summary>
    /// Sends any call and returns the successful reply. Reads are sent again after transient failures; a call that
    /// changes state only when the device cannot have seen it.
    /// </summary>
    public async Task<EoiResponse> CallAsync(EoiRequest request, RequestSafety safety, CancellationToken cancellationToken = default)
    {
        var operation = request.Operation;
        KeyValuePair<string, string>[] headers = [new("Content-Type", ContentType), new("SOAPAction", operation.SoapAction)];
        var body = EoiRequestWriter.Write(request);
        var path = operation.Service.Path;
        var reply = await Http.SendAsync("POST", path, headers, body, safety, cancellationToken).ConfigureAwait(false);
        if (reply.StatusCode == 404)
        {
            throw new EoiNotServedException(Http.Endpoint, path, reply.StatusCode);
        }

        if (reply.StatusCode is not (200 or 500) || reply.Body.Length == 0)
        {
            throw new AmtProtocolException(ProtocolViolation.UnexpectedXml,
                $"{operation.Name}: unexpected HTTP {reply.StatusCode} {reply.Head.ReasonPhrase}".TrimEnd(), Http.Endpoint);
        }

        var parsed = Parse(reply, operation);
        if (parsed.Fault is { } fault)
        {
            throw new EoiFaultException(Http.Endpoint, operation.Name, fault.Code, fault.Reason, reply.StatusCode);
        }

        var response = parsed.Response!;
        if (reply.StatusCode != 200)
        {
            throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, $"{operation.Name}: a reply with HTTP {reply.StatusCode}", Http.Endpoint);
        }

        return response.Status == PtStatus.Success
            ? response
            : throw new EoiStatusException(Http.Endpoint, operation.Name, response.Status);
    }

    private EoiReply Parse(HttpResponse reply, EoiOperation operation)
    {
        try
        {
            return EoiResponseReader.Read(reply.Body, operation, MaxResponseCharacters);
        }
        catch (AmtProtocolException exception)
        {
            throw exception.WithEndpoint(Http.Endpoint);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsHttp)
        {
            await Http.DisposeAsync().ConfigureAwait(false);
        }
    }
}
