using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Catalogue;

/// <summary>
/// A class as the firmware serves it: its instances as recorded from real devices (the templates dynamic
/// classes fill from device state), the keys that address an instance, and the envelope details of its replies.
/// </summary>
public sealed record ClassDefinition
{
    public required string ClassName { get; init; }

    /// <summary>For a base or association class: the concrete class its enumeration yields.</summary>
    public string? ItemClass { get; init; }

    public string ResourceUri => ResourceUris.For(ClassName);

    public FirmwareVersion Since { get; init; } = new(3, 0);

    public bool GetDeclaresCommon { get; init; }

    public bool PullDeclaresCommon { get; init; }

    public IReadOnlyList<string> Keys { get; init; } = [];

    public IReadOnlyList<WsManObject> Instances { get; init; } = [];

    public IReadOnlyDictionary<string, FirmwareVersion> PropertySince { get; init; } = new Dictionary<string, FirmwareVersion>();

    /// <summary>The selectors that address <paramref name="instance"/>.</summary>
    public SelectorSet KeysOf(WsManObject instance) =>
        new(Keys.Select(key => instance.Find(key) is { } property
            ? property.IsLeaf ? new Selector(key, property.Text ?? "") : new Selector(key, null, property.AsReference())
            : new Selector(key, "")));

    public EndpointReference ReferenceTo(WsManObject instance) =>
        new(WsManNamespaces.Anonymous, instance.Namespace, KeysOf(instance));

    /// <summary>This definition as a firmware generation has it: properties it lacks removed.</summary>
    public ClassDefinition For(FirmwareProfile firmware)
    {
        var missing = PropertySince.Where(gate => !firmware.Has(gate.Value)).Select(gate => gate.Key).ToArray();
        return missing.Length == 0 ? this : this with { Instances = Instances.Select(instance => instance.Without(missing)).ToArray() };
    }
}
