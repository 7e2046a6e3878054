using SharpAmt.Simulator.Catalogue;
using SharpAmt.WsMan;
using SharpAmt.WsMan.Device;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>
/// Serves a device's classes: the catalogue's recorded instances for its firmware generation, with the
/// stateful classes computed from the device. A class the generation lacks answers DestinationUnreachable
/// with HTTP 400, as firmware does.
/// </summary>
internal sealed class SimulatedWsManService : IWsManService
{
    private readonly SimulatedDevice _device;
    private readonly IReadOnlyDictionary<string, ClassDefinition> _classes;

    public SimulatedWsManService(SimulatedDevice device, IReadOnlyDictionary<string, ClassDefinition> classes)
    {
        _device = device;
        _classes = classes;
    }

    public ValueTask<ServedObject> GetAsync(string resourceUri, SelectorSet selectors, CancellationToken cancellationToken)
    {
        lock (_device.Sync)
        {
            var (definition, itemDefinition) = Resolve(resourceUri);
            var instance = Match(Instances(itemDefinition), selectors);
            _device.Record($"Get {definition.ClassName}");
            return ValueTask.FromResult(new ServedObject(instance, definition.GetDeclaresCommon));
        }
    }

    public ValueTask<ServedObject> PutAsync(string resourceUri, SelectorSet selectors, WsManObject instance, CancellationToken cancellationToken)
    {
        lock (_device.Sync)
        {
            var (definition, itemDefinition) = Resolve(resourceUri);
            var current = Match(Instances(itemDefinition), selectors);
            var behavior = ClassBehaviors.Find(itemDefinition.ClassName) ?? throw new WsManFaultException(WsManFaults.ActionNotSupported());
            var updated = behavior.Put(_device, current, instance);
            _device.Record($"Put {definition.ClassName}");
            return ValueTask.FromResult(new ServedObject(updated, definition.GetDeclaresCommon));
        }
    }

    public ValueTask<EndpointReference> CreateAsync(string resourceUri, WsManObject instance, CancellationToken cancellationToken)
    {
        lock (_device.Sync)
        {
            Resolve(resourceUri);
            throw new WsManFaultException(WsManFaults.ActionNotSupported());
        }
    }

    public ValueTask DeleteAsync(string resourceUri, SelectorSet selectors, CancellationToken cancellationToken)
    {
        lock (_device.Sync)
        {
            var (_, itemDefinition) = Resolve(resourceUri);
            Match(Instances(itemDefinition), selectors);
            throw new WsManFaultException(WsManFaults.ActionNotSupported());
        }
    }

    public ValueTask<ServedEnumeration> EnumerateAsync(string resourceUri, CancellationToken cancellationToken)
    {
        lock (_device.Sync)
        {
            var (definition, itemDefinition) = Resolve(resourceUri);
            var items = Instances(itemDefinition).Select(instance => new ServedInstance(instance, itemDefinition.ReferenceTo(instance))).ToArray();
            _device.Record($"Enumerate {definition.ClassName}");
            return ValueTask.FromResult(new ServedEnumeration(items, definition.PullDeclaresCommon));
        }
    }

    public ValueTask<ServedObject> InvokeAsync(string resourceUri, string method, SelectorSet selectors, WsManObject input, CancellationToken cancellationToken)
    {
        lock (_device.Sync)
        {
            var (definition, itemDefinition) = Resolve(resourceUri);
            var instance = Match(Instances(itemDefinition), selectors);
            var behavior = ClassBehaviors.Find(itemDefinition.ClassName) ?? throw new WsManFaultException(WsManFaults.ActionNotSupported());
            var output = behavior.Invoke(_device, instance, method, input);
            _device.Record($"{definition.ClassName}.{method}");
            return ValueTask.FromResult(new ServedObject(output, definition.GetDeclaresCommon));
        }
    }

    /// <summary>The class named by the URI, and the class its instances belong to (a subclass for association classes).</summary>
    private (ClassDefinition Definition, ClassDefinition ItemDefinition) Resolve(string resourceUri)
    {
        var className = ResourceUris.ClassName(resourceUri);
        if (!_classes.TryGetValue(className, out var definition) || !string.Equals(definition.ResourceUri, resourceUri, StringComparison.Ordinal))
        {
            throw new WsManFaultException(AmtFaults.DestinationUnreachable);
        }

        var itemDefinition = definition.ItemClass is { } itemClass && _classes.TryGetValue(itemClass, out var item) ? item : definition;
        return (definition, itemDefinition);
    }

    private IReadOnlyList<WsManObject> Instances(ClassDefinition definition) =>
        ClassBehaviors.Find(definition.ClassName)?.Instances(_device, definition.Instances) ?? definition.Instances;

    /// <summary>
    /// The first instance whose properties carry every selector's value. Clients send full, partial or no
    /// selector sets; a selector naming a property the class does not have is invalid. An EPR-valued selector
    /// (an association's key) must designate the reference the instance holds.
    /// </summary>
    private static WsManObject Match(IReadOnlyList<WsManObject> instances, SelectorSet selectors)
    {
        if (instances.Count == 0)
        {
            throw new WsManFaultException(AmtFaults.DestinationUnreachable);
        }

        foreach (var selector in selectors)
        {
            if (!instances[0].Has(selector.Name))
            {
                throw new WsManFaultException(WsManFaults.InvalidSelectors());
            }
        }

        foreach (var instance in instances)
        {
            if (selectors.All(selector => Carries(instance, selector)))
            {
                return instance;
            }
        }

        throw new WsManFaultException(AmtFaults.DestinationUnreachable);
    }

    private static bool Carries(WsManObject instance, Selector selector) => selector.Reference is { } wanted
        ? instance.GetReference(selector.Name) is { } held && wanted.Designates(held)
        : instance.GetString(selector.Name) == selector.Value;
}
