using SharpAmt.Eoi.Messages;
using SharpAmt.Eoi.Wire;
using SharpAmt.Transport;

namespace SharpAmt.Eoi.Device;

/// <summary>A reply envelope and whether it is a SOAP fault (which travels as HTTP 500, as SOAP 1.1 has it).</summary>
public readonly record struct EoiDispatchedReply(byte[] Envelope, bool IsFault, EoiOperation? Operation);

/// <summary>
/// The device side of EOI: reads a call posted to a service's path, checks that the operation belongs to that
/// service, calls the <see cref="IEoiService"/>, and writes the reply. Anything it cannot understand (not XML,
/// an unknown operation, a value of the wrong type) is answered with a SOAP fault and acts on nothing.
/// </summary>
public sealed class EoiDispatcher
{
    private readonly IEoiService _service;
    private readonly Dictionary<EoiOperation, Route> _routes;

    public EoiDispatcher(IEoiService service)
    {
        _service = service;
        _routes = BuildRoutes();
    }

    private delegate ValueTask<EoiResponse> Route(EoiRequest request, CancellationToken cancellationToken);

    public int MaxRequestCharacters { get; init; } = EoiXml.DefaultMaxCharacters;

    public async ValueTask<EoiDispatchedReply> DispatchAsync(EoiService service, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        EoiRequest request;
        try
        {
            request = EoiRequestReader.Read(body, MaxRequestCharacters);
        }
        catch (AmtProtocolException violation)
        {
            return Fault(EoiFault.Client, violation.Message, null);
        }

        var operation = request.Operation;
        if (operation.Service != service)
        {
            return Fault(EoiFault.Client, $"{operation.Name} belongs to {operation.Service.Path}, not {service.Path}", operation);
        }

        EoiResponse response;
        try
        {
            response = await RouteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AmtProtocolException violation)
        {
            var detail = violation.Detail ?? violation.Message;
            return Fault(EoiFault.Client, detail.StartsWith(operation.Name, StringComparison.Ordinal) ? detail : $"{operation.Name}: {detail}", operation);
        }
        catch (EoiRefusedException refusal)
        {
            response = EoiResponse.Refused(operation, refusal.Status);
        }

        return new EoiDispatchedReply(EoiResponseWriter.Write(response), false, operation);
    }

    private ValueTask<EoiResponse> RouteAsync(EoiRequest request, CancellationToken cancellationToken) =>
        _routes.TryGetValue(request.Operation, out var route)
            ? route(request, cancellationToken)
            : throw new InvalidOperationException($"{request.Operation.Name} is in the operation table but has no route");

    /// <summary>One route per operation: read the typed arguments, call the service, write the typed reply.</summary>
    private Dictionary<EoiOperation, Route> BuildRoutes() => new()
    {
        [EoiOperations.GetCoreVersion] = async (_, ct) =>
            SecurityAdministrationMessages.CoreVersion(await _service.GetCoreVersionAsync(ct).ConfigureAwait(false)),
        [EoiOperations.GetHostName] = async (_, ct) =>
            NetworkAdministrationMessages.HostNameReply(await _service.GetHostNameAsync(ct).ConfigureAwait(false)),
        [EoiOperations.SetHostName] = async (request, ct) =>
        {
            await _service.SetHostNameAsync(NetworkAdministrationMessages.ReadSetHostName(request), ct).ConfigureAwait(false);
            return Done(request);
        },
        [EoiOperations.GetDomainName] = async (_, ct) =>
            NetworkAdministrationMessages.DomainNameReply(await _service.GetDomainNameAsync(ct).ConfigureAwait(false)),
        [EoiOperations.SetDomainName] = async (request, ct) =>
        {
            await _service.SetDomainNameAsync(NetworkAdministrationMessages.ReadSetDomainName(request), ct).ConfigureAwait(false);
            return Done(request);
        },
        [EoiOperations.EnumerateInterfaces] = async (_, ct) =>
            NetworkAdministrationMessages.InterfacesReply(await _service.EnumerateInterfacesAsync(ct).ConfigureAwait(false)),
        [EoiOperations.GetInterfaceSettings] = async (request, ct) =>
            NetworkAdministrationMessages.InterfaceSettingsReply(
                await _service.GetInterfaceSettingsAsync(NetworkAdministrationMessages.ReadHandle(request), ct).ConfigureAwait(false)),
        [EoiOperations.SetInterfaceSettings] = async (request, ct) =>
        {
            var (handle, change) = NetworkAdministrationMessages.ReadSetInterfaceSettings(request);
            await _service.SetInterfaceSettingsAsync(handle, change, ct).ConfigureAwait(false);
            return Done(request);
        },
        [EoiOperations.GetPingResponse] = async (_, ct) =>
            NetworkAdministrationMessages.PingResponseReply(await _service.GetPingResponseAsync(ct).ConfigureAwait(false)),
        [EoiOperations.SetPingResponse] = async (request, ct) =>
        {
            await _service.SetPingResponseAsync(NetworkAdministrationMessages.ReadSetPingResponse(request), ct).ConfigureAwait(false);
            return Done(request);
        },
        [EoiOperations.GetVlanParameters] = async (request, ct) =>
            NetworkAdministrationMessages.VlanReply(
                await _service.GetVlanParametersAsync(NetworkAdministrationMessages.ReadVlanHandle(request), ct).ConfigureAwait(false)),
        [EoiOperations.SetVlanParameters] = async (request, ct) =>
        {
            var (handle, settings) = NetworkAdministrationMessages.ReadSetVlanParameters(request);
            await _service.SetVlanParametersAsync(handle, settings, ct).ConfigureAwait(false);
            return Done(request);
        },
        [EoiOperations.GetSystemPowerState] = async (_, ct) =>
            RemoteControlMessages.SystemPowerStateReply(await _service.GetSystemPowerStateAsync(ct).ConfigureAwait(false)),
        [EoiOperations.GetRemoteControlCapabilities] = async (_, ct) =>
            RemoteControlMessages.CapabilitiesReply(await _service.GetRemoteControlCapabilitiesAsync(ct).ConfigureAwait(false)),
        [EoiOperations.RemoteControl] = async (request, ct) =>
        {
            await _service.RemoteControlAsync(RemoteControlMessages.ReadRemoteControl(request), ct).ConfigureAwait(false);
            return Done(request);
        },
    };

    private static EoiResponse Done(EoiRequest request) => new(request.Operation);

    private static EoiDispatchedReply Fault(string code, string reason, EoiOperation? operation) =>
        new(EoiResponseWriter.WriteFault(new EoiFault(code, reason)), true, operation);
}
