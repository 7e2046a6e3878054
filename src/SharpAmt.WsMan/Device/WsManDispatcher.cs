using System.Globalization;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.WsMan.Device;

/// <summary>A reply envelope and whether it is a fault (which travels as HTTP 400).</summary>
public readonly record struct DispatchedReply(byte[] Envelope, bool IsFault);

/// <summary>
/// The device side of WS-Man: reads a request, routes it to the service by action, keeps enumeration
/// contexts, numbers replies the way AMT does (<c>uuid:00000000-8086-8086-8086-XXXXXXXXXXXX</c>) and
/// writes them. Requests that are not XML throw <see cref="Transport.AmtProtocolException"/> for the HTTP
/// layer to answer.
/// </summary>
public sealed class WsManDispatcher
{
    /// <summary>AMT refuses envelopes smaller than this (DSP0226 compliance statement).</summary>
    public const int MinimumMaxEnvelopeSize = 50_000;

    private readonly IWsManService _service;
    private readonly EnumerationContexts _contexts;
    private long _messageCounter;

    public WsManDispatcher(IWsManService service, EnumerationContexts? contexts = null, long firstMessageNumber = 0x100)
    {
        _service = service;
        _contexts = contexts ?? new EnumerationContexts();
        _messageCounter = firstMessageNumber;
    }

    public EnumerationContexts Contexts => _contexts;

    public async ValueTask<DispatchedReply> DispatchAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var request = WsManRequestReader.Read(body);
        WsManResponse response;
        try
        {
            response = await RouteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFaultException fault)
        {
            var action = fault.Fault.SubcodeNamespace == WsManNamespaces.Addressing ? WsManActions.AddressingFault : WsManActions.Fault;
            response = new WsManResponse(action, request.MessageId, new FaultResponseBody(fault.Fault));
        }

        response = response with { MessageId = NextMessageId() };
        return new DispatchedReply(WsManResponseWriter.Write(response), response.Body is FaultResponseBody);
    }

    private async ValueTask<WsManResponse> RouteAsync(WsManRequest request, CancellationToken cancellationToken)
    {
        if (request.MaxEnvelopeSize is < MinimumMaxEnvelopeSize)
        {
            throw new WsManFaultException(WsManFaults.EncodingLimit(WsManFaults.FaultDetailBase + "MaxEnvelopeSize"));
        }

        var uri = request.ResourceUri;
        WsManResponse Reply(WsManResponseBody body, bool declaresCommon = false) =>
            new(WsManActions.ResponseTo(request.Action), request.MessageId, body) { ResourceUri = uri, DeclaresCommonNamespace = declaresCommon };

        switch (request.Action)
        {
            case WsManActions.Get:
                var got = await _service.GetAsync(uri, request.Selectors, cancellationToken).ConfigureAwait(false);
                return Reply(new ObjectResponseBody(got.Object), got.DeclaresCommonNamespace);

            case WsManActions.Put:
                var instance = (request.Body as ObjectRequestBody)?.Object
                    ?? throw new WsManFaultException(WsManFaults.SchemaValidationError());
                var put = await _service.PutAsync(uri, request.Selectors, instance, cancellationToken).ConfigureAwait(false);
                return Reply(new ObjectResponseBody(put.Object), put.DeclaresCommonNamespace);

            case WsManActions.Create:
                var created = (request.Body as ObjectRequestBody)?.Object
                    ?? throw new WsManFaultException(WsManFaults.SchemaValidationError());
                var reference = await _service.CreateAsync(uri, created, cancellationToken).ConfigureAwait(false);
                return Reply(new CreatedResponseBody(reference));

            case WsManActions.Delete:
                await _service.DeleteAsync(uri, request.Selectors, cancellationToken).ConfigureAwait(false);
                return Reply(EmptyResponseBody.Instance);

            case WsManActions.Enumerate:
                var enumeration = await _service.EnumerateAsync(uri, cancellationToken).ConfigureAwait(false);
                return Reply(new EnumerateResponseBody(_contexts.Open(enumeration, (request.Body as EnumerateRequestBody)?.Mode ?? EnumerationMode.Objects)));

            case WsManActions.Pull:
                var pull = request.Body as PullRequestBody ?? throw new WsManFaultException(WsManFaults.SchemaValidationError());
                if (!_contexts.TryPull(pull.Context, pull.MaxElements, out var items, out var ended, out var common))
                {
                    throw new WsManFaultException(WsManFaults.InvalidEnumerationContext());
                }

                return Reply(new PullResponseBody(items, ended ? null : pull.Context, ended), common);

            case WsManActions.Release:
                var release = request.Body as ReleaseRequestBody ?? throw new WsManFaultException(WsManFaults.SchemaValidationError());
                if (!_contexts.Release(release.Context))
                {
                    throw new WsManFaultException(WsManFaults.InvalidEnumerationContext());
                }

                return Reply(EmptyResponseBody.Instance);
        }

        if (uri.Length > 0 && request.Action.StartsWith(uri + "/", StringComparison.Ordinal))
        {
            var method = request.Action[(uri.Length + 1)..];
            var input = (request.Body as ObjectRequestBody)?.Object ?? WsManObject.MethodInput(uri, method);
            var output = await _service.InvokeAsync(uri, method, request.Selectors, input, cancellationToken).ConfigureAwait(false);
            return Reply(new ObjectResponseBody(output.Object), output.DeclaresCommonNamespace);
        }

        throw new WsManFaultException(uri.Length == 0 ? WsManFaults.DestinationUnreachable() : WsManFaults.ActionNotSupported());
    }

    private string NextMessageId() =>
        "uuid:00000000-8086-8086-8086-" + Interlocked.Increment(ref _messageCounter).ToString("X12", CultureInfo.InvariantCulture);
}
