using System.Collections.Concurrent;
using System.Text.Json;
using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Catalogue;

/// <summary>
/// Every class the simulator knows, loaded once from the embedded <c>classes.json</c>, with one filtered
/// view per firmware generation shared by all devices of that generation.
/// </summary>
public sealed class ClassCatalogue
{
    private static readonly Lazy<ClassCatalogue> Embedded = new(LoadEmbedded);

    private readonly Dictionary<string, ClassDefinition> _classes;
    private readonly ConcurrentDictionary<FirmwareVersion, IReadOnlyDictionary<string, ClassDefinition>> _views = new();

    public ClassCatalogue(IEnumerable<ClassDefinition> classes)
    {
        _classes = classes.ToDictionary(definition => definition.ClassName, StringComparer.Ordinal);
    }

    public static ClassCatalogue Default => Embedded.Value;

    public IReadOnlyCollection<ClassDefinition> All => _classes.Values;

    /// <summary>The classes a generation serves, keyed by class name.</summary>
    public IReadOnlyDictionary<string, ClassDefinition> For(FirmwareProfile firmware) =>
        _views.GetOrAdd(firmware.Version, _ => _classes.Values
            .Where(definition => firmware.Has(definition.Since))
            .Select(definition => definition.For(firmware))
            .ToDictionary(definition => definition.ClassName, StringComparer.Ordinal));

    public static ClassCatalogue Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var classes = new List<ClassDefinition>();
        foreach (var entry in document.RootElement.GetProperty("classes").EnumerateArray())
        {
            var className = entry.GetProperty("class").GetString()!;
            var itemClass = entry.TryGetProperty("itemClass", out var item) ? item.GetString() : null;
            var instanceClass = itemClass ?? className;
            var uri = ResourceUris.For(instanceClass);
            classes.Add(new ClassDefinition
            {
                ClassName = className,
                ItemClass = itemClass,
                Since = entry.TryGetProperty("since", out var since) ? FirmwareVersion.Parse(since.GetString()!) : new FirmwareVersion(3, 0),
                GetDeclaresCommon = Flag(entry, "getDeclaresCommon"),
                PullDeclaresCommon = Flag(entry, "pullDeclaresCommon"),
                Keys = entry.TryGetProperty("keys", out var keys) ? keys.EnumerateArray().Select(key => key.GetString()!).ToArray() : [],
                Instances = entry.GetProperty("instances").EnumerateArray()
                    .Select(instance => new WsManObject(instanceClass, uri, instance.EnumerateArray().Select(pair => Property(pair, uri)).ToArray()))
                    .ToArray(),
                PropertySince = entry.TryGetProperty("propertySince", out var gates)
                    ? gates.EnumerateObject().ToDictionary(gate => gate.Name, gate => FirmwareVersion.Parse(gate.Value.GetString()!))
                    : new Dictionary<string, FirmwareVersion>(),
            });
        }

        return new ClassCatalogue(classes);
    }

    private static bool Flag(JsonElement entry, string name) => entry.TryGetProperty(name, out var value) && value.GetBoolean();

    private static WsManElement Property(JsonElement pair, string ns)
    {
        var name = pair[0].GetString()!;
        var value = pair[1];
        return Value(name, ns, value);
    }

    private static WsManElement Value(string name, string ns, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return WsManElement.Leaf(name, ns, value.GetString()!);
        }

        if (value.TryGetProperty("datetime", out var datetime))
        {
            return new WsManElement(name, ns, null, [WsManElement.Leaf("Datetime", WsManNamespaces.Common, datetime.GetString()!)]);
        }

        if (value.TryGetProperty("interval", out var interval))
        {
            return new WsManElement(name, ns, null, [WsManElement.Leaf("Interval", WsManNamespaces.Common, interval.GetString()!)]);
        }

        if (value.TryGetProperty("nil", out _))
        {
            return new WsManElement(name, ns, null, isNil: true);
        }

        if (value.TryGetProperty("epr", out var epr))
        {
            var selectors = epr.TryGetProperty("selectors", out var list)
                ? new SelectorSet(list.EnumerateArray().Select(selector => new Selector(selector[0].GetString()!, selector[1].GetString()!)))
                : SelectorSet.Empty;
            var address = epr.TryGetProperty("address", out var given) ? given.GetString()! : WsManNamespaces.Anonymous;
            return new EndpointReference(address, epr.GetProperty("resourceUri").GetString()!, selectors).ToElement(name, ns);
        }

        if (value.TryGetProperty("element", out var element))
        {
            var childNs = element.TryGetProperty("namespace", out var nsValue) ? nsValue.GetString()! : ns;
            var children = element.GetProperty("children").EnumerateArray().Select(pair => Value(pair[0].GetString()!, childNs, pair[1])).ToArray();
            return new WsManElement(name, ns, null, [new WsManElement(element.GetProperty("name").GetString()!, childNs, null, children)]);
        }

        throw new InvalidDataException($"catalogue value of {name} has an unknown shape");
    }

    private static ClassCatalogue LoadEmbedded()
    {
        using var stream = typeof(ClassCatalogue).Assembly.GetManifestResourceStream("SharpAmt.Simulator.Catalogue.classes.json")
            ?? throw new InvalidOperationException("The class catalogue is missing from the simulator assembly.");
        return Parse(stream);
    }
}
