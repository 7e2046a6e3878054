using System.Text;
using SharpAmt.Transport;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.Http.Client;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.WsMan.Client;

/// <summary>
/// WS-Management operations against one device: Get, Put, Create, Delete, Enumerate with Pull and Release,
/// and method invocation. Faults (and bare HTTP 400s) become <see cref="WsManFaultException"/>.
/// </summary>
public sealed class WsManClient : IAsyncDisposable
{
    private static readonly KeyValuePair<string, string>[] ContentType = [new("Content-Type", "application/soap+xml;charset=UTF-8")];

    private readonly bool _ownsHttp;

    public WsManClient(AmtHttpClientOptions options)
        : this(new AmtHttpClient(options), ownsHttp: true)
    {
    }

    public WsManClient(AmtHttpClient http, bool ownsHttp = false)
    {
        Http = http;
        _ownsHttp = ownsHttp;
    }

    public AmtHttpClient Http { get; }

    public int MaxResponseCharacters { get; init; } = SecureXml.DefaultMaxCharacters;

    public async Task<WsManObject> GetAsync(string classOrUri, SelectorSet? selectors = null, CancellationToken cancellationToken = default)
    {
        var request = new WsManRequest(WsManActions.Get, ResourceUris.For(classOrUri)) { Selectors = selectors ?? SelectorSet.Empty };
        var response = await SendAsync(request, RequestSafety.Idempotent, cancellationToken).ConfigureAwait(false);
        return ExpectObject(response, request);
    }

    /// <summary>Puts the instance and returns the instance as the device now holds it.</summary>
    public async Task<WsManObject> PutAsync(WsManObject instance, SelectorSet? selectors = null, CancellationToken cancellationToken = default)
    {
        var request = new WsManRequest(WsManActions.Put, instance.Namespace)
        {
            Selectors = selectors ?? SelectorSet.Empty,
            Body = new ObjectRequestBody(instance),
        };
        var response = await SendAsync(request, RequestSafety.ChangesState, cancellationToken).ConfigureAwait(false);
        return response.Body is ObjectResponseBody body ? body.Object : instance;
    }

    public async Task<EndpointReference> CreateAsync(WsManObject instance, CancellationToken cancellationToken = default)
    {
        var request = new WsManRequest(WsManActions.Create, instance.Namespace) { Body = new ObjectRequestBody(instance) };
        var response = await SendAsync(request, RequestSafety.ChangesState, cancellationToken).ConfigureAwait(false);
        return response.Body is CreatedResponseBody created
            ? created.Reference
            : throw Unexpected(request, "no ResourceCreated reference");
    }

    public async Task DeleteAsync(string classOrUri, SelectorSet selectors, CancellationToken cancellationToken = default)
    {
        var request = new WsManRequest(WsManActions.Delete, ResourceUris.For(classOrUri)) { Selectors = selectors };
        await SendAsync(request, RequestSafety.ChangesState, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Enumerates the class and pulls until the device ends the sequence.</summary>
    public async Task<IReadOnlyList<PulledItem>> EnumerateAsync(string classOrUri, WsManEnumerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= WsManEnumerationOptions.Default;
        var resourceUri = ResourceUris.For(classOrUri);
        var enumerate = new WsManRequest(WsManActions.Enumerate, resourceUri)
        {
            Body = new EnumerateRequestBody(options.Mode, options.Optimize, options.Optimize ? options.MaxElements : null),
        };
        var response = await SendAsync(enumerate, RequestSafety.Idempotent, cancellationToken).ConfigureAwait(false);
        var items = new List<PulledItem>();
        string? context;
        switch (response.Body)
        {
            case EnumerateResponseBody started:
                context = started.Context;
                break;
            case PullResponseBody optimized:
                items.AddRange(optimized.Items);
                context = optimized.EndOfSequence ? null : optimized.Context;
                break;
            default:
                throw Unexpected(enumerate, "no EnumerationContext");
        }

        for (var pulls = 0; context is not null; pulls++)
        {
            if (pulls >= options.MaxPulls)
            {
                throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, $"enumeration of {ResourceUris.ClassName(resourceUri)} did not end after {pulls} pulls", Http.Endpoint);
            }

            var pull = new WsManRequest(WsManActions.Pull, resourceUri) { Body = new PullRequestBody(context, options.MaxElements) };
            var pulled = await SendAsync(pull, RequestSafety.Idempotent, cancellationToken).ConfigureAwait(false);
            if (pulled.Body is not PullResponseBody page)
            {
                throw Unexpected(pull, "no PullResponse");
            }

            items.AddRange(page.Items);
            context = page.EndOfSequence ? null : page.Context;
        }

        return items;
    }

    /// <summary>Enumerates and returns the objects only.</summary>
    public async Task<IReadOnlyList<WsManObject>> EnumerateObjectsAsync(string classOrUri, CancellationToken cancellationToken = default)
    {
        var items = await EnumerateAsync(classOrUri, WsManEnumerationOptions.Default, cancellationToken).ConfigureAwait(false);
        return items.Where(item => item.Object is not null).Select(item => item.Object!).ToArray();
    }

    public async Task ReleaseAsync(string classOrUri, string context, CancellationToken cancellationToken = default)
    {
        var request = new WsManRequest(WsManActions.Release, ResourceUris.For(classOrUri)) { Body = new ReleaseRequestBody(context) };
        await SendAsync(request, RequestSafety.Idempotent, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Invokes a method and returns its <c>_OUTPUT</c> object.</summary>
    /// <param name="input">The <c>Method_INPUT</c> object; null sends an empty one.</param>
    public async Task<WsManObject> InvokeAsync(string classOrUri, string method, WsManObject? input = null, SelectorSet? selectors = null, CancellationToken cancellationToken = default)
    {
        var resourceUri = ResourceUris.For(classOrUri);
        var request = new WsManRequest(WsManActions.Method(resourceUri, method), resourceUri)
        {
            Selectors = selectors ?? SelectorSet.Empty,
            Body = new ObjectRequestBody(input ?? WsManObject.MethodInput(resourceUri, method)),
        };
        var response = await SendAsync(request, RequestSafety.ChangesState, cancellationToken).ConfigureAwait(false);
        return ExpectObject(response, request);
    }

    /// <summary>Sends any request and returns the parsed reply (faults throw).</summary>
    public async Task<WsManResponse> SendAsync(WsManRequest request, RequestSafety safety, CancellationToken cancellationToken = default)
    {
        request = request with { MessageId = "uuid:" + Guid.NewGuid().ToString("D").ToUpperInvariant() };
        var body = WsManRequestWriter.Write(request);
        var reply = await Http.SendAsync("POST", "/wsman", ContentType, body, safety, cancellationToken).ConfigureAwait(false);
        var operation = Describe(request);
        if (reply.StatusCode == 200)
        {
            var response = Parse(reply.Body);
            if (response.Body is FaultResponseBody unexpectedFault)
            {
                throw new WsManFaultException(unexpectedFault.Fault, 200, $"{Http.Endpoint}: {operation}");
            }

            if (response.RelatesTo.Length > 0 && response.RelatesTo != request.MessageId)
            {
                throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, $"reply relates to {response.RelatesTo}, not to the request sent", Http.Endpoint);
            }

            return response;
        }

        throw FaultFrom(reply, operation);
    }

    private WsManResponse Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return WsManResponseReader.Read(body, MaxResponseCharacters);
        }
        catch (AmtProtocolException exception)
        {
            throw exception.WithEndpoint(Http.Endpoint);
        }
    }

    private AmtException FaultFrom(HttpResponse reply, string operation)
    {
        var context = $"{Http.Endpoint}: {operation}";
        var contentType = reply.Head.Headers["Content-Type"] ?? "";
        if (reply.Body.Length > 0 && contentType.Contains("xml", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                if (WsManResponseReader.Read(reply.Body, MaxResponseCharacters).Body is FaultResponseBody fault)
                {
                    return new WsManFaultException(fault.Fault, reply.StatusCode, context);
                }
            }
            catch (AmtProtocolException)
            {
                // Not a SOAP fault after all; report the HTTP status below.
            }
        }

        var text = HtmlText(reply.Body);
        var reason = $"HTTP {reply.StatusCode} {reply.Head.ReasonPhrase}".Trim() + (text.Length > 0 ? ": " + text : "");
        if (reply.StatusCode is 400 or 500)
        {
            return new WsManFaultException(new WsManFault(WsManFaults.Sender, "", WsManFaultException.HttpBadRequestSubcode, reason), reply.StatusCode, context);
        }

        return new AmtProtocolException(ProtocolViolation.UnexpectedXml, $"{operation}: unexpected {reason}", Http.Endpoint);
    }

    private static string HtmlText(ReadOnlyMemory<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, 2048)]);
        var builder = new StringBuilder();
        var inTag = false;
        foreach (var c in text)
        {
            if (c == '<')
            {
                inTag = true;
                builder.Append(' ');
            }
            else if (c == '>')
            {
                inTag = false;
            }
            else if (!inTag)
            {
                builder.Append(char.IsControl(c) ? ' ' : c);
            }
        }

        var collapsed = string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length > 200 ? collapsed[..200] + "…" : collapsed;
    }

    private WsManObject ExpectObject(WsManResponse response, WsManRequest request) =>
        response.Body is ObjectResponseBody body ? body.Object : throw Unexpected(request, "no object in the reply");

    private AmtProtocolException Unexpected(WsManRequest request, string what) =>
        new(ProtocolViolation.UnexpectedXml, $"{Describe(request)}: {what}", Http.Endpoint);

    private static string Describe(WsManRequest request)
    {
        var className = ResourceUris.ClassName(request.ResourceUri);
        var slash = request.Action.LastIndexOf('/');
        var verb = slash < 0 ? request.Action : request.Action[(slash + 1)..];
        return request.Action.StartsWith(request.ResourceUri + "/", StringComparison.Ordinal)
            ? $"{className}.{verb}"
            : $"{verb} {className}";
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsHttp)
        {
            await Http.DisposeAsync().ConfigureAwait(false);
        }
    }
}
