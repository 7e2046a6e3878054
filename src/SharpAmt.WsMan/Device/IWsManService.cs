using SharpAmt.WsMan.Wire;

namespace SharpAmt.WsMan.Device;

/// <summary>
/// The resources a device serves over WS-Man. Faults are thrown as <see cref="WsManFaultException"/>;
/// the dispatcher turns them into fault replies.
/// </summary>
public interface IWsManService
{
    ValueTask<ServedObject> GetAsync(string resourceUri, SelectorSet selectors, CancellationToken cancellationToken);

    ValueTask<ServedObject> PutAsync(string resourceUri, SelectorSet selectors, WsManObject instance, CancellationToken cancellationToken);

    ValueTask<EndpointReference> CreateAsync(string resourceUri, WsManObject instance, CancellationToken cancellationToken);

    ValueTask DeleteAsync(string resourceUri, SelectorSet selectors, CancellationToken cancellationToken);

    ValueTask<ServedEnumeration> EnumerateAsync(string resourceUri, CancellationToken cancellationToken);

    ValueTask<ServedObject> InvokeAsync(string resourceUri, string method, SelectorSet selectors, WsManObject input, CancellationToken cancellationToken);
}

/// <summary>An object to send back, and whether its class's replies declare the CIM common namespace.</summary>
public sealed record ServedObject(WsManObject Object, bool DeclaresCommonNamespace = false);

/// <summary>The instances an enumeration yields, each with its reference.</summary>
public sealed record ServedEnumeration(IReadOnlyList<ServedInstance> Items, bool DeclaresCommonNamespace = false);

public sealed record ServedInstance(WsManObject Object, EndpointReference Reference);
