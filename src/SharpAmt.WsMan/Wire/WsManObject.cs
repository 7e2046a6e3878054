using System.Globalization;
using SharpAmt.Transport;

namespace SharpAmt.WsMan.Wire;

/// <summary>
/// The object in a WS-Man body: a class instance (<c>AMT_GeneralSettings</c>), or a method's input or
/// output (<c>RequestPowerStateChange_OUTPUT</c>). Properties keep their wire order and repetitions; the
/// typed readers below convert on demand. Instances are immutable; <c>With</c> returns a changed copy.
/// </summary>
public sealed class WsManObject
{
    public WsManObject(string name, string ns, IReadOnlyList<WsManElement> properties)
    {
        Name = name;
        Namespace = ns;
        Properties = properties;
    }

    /// <summary>The element name: the class name, or Method_INPUT / Method_OUTPUT.</summary>
    public string Name { get; }

    /// <summary>The namespace, which is the class's resource URI.</summary>
    public string Namespace { get; }

    public IReadOnlyList<WsManElement> Properties { get; }

    public static WsManObject Create(string classNameOrUri, params WsManElement[] properties)
    {
        var uri = ResourceUris.For(classNameOrUri);
        return new WsManObject(ResourceUris.ClassName(uri), uri, properties);
    }

    public static WsManObject MethodInput(string classNameOrUri, string method) =>
        new(method + "_INPUT", ResourceUris.For(classNameOrUri), []);

    public static WsManObject MethodOutput(string classNameOrUri, string method, uint returnValue) =>
        new WsManObject(method + "_OUTPUT", ResourceUris.For(classNameOrUri), []).With("ReturnValue", returnValue.ToString(CultureInfo.InvariantCulture));

    public static WsManObject FromElement(WsManElement element) => new(element.Name, element.Namespace, element.Children);

    public WsManElement ToElement() => new(Name, Namespace, null, Properties);

    public bool Has(string name) => Find(name) is not null;

    public WsManElement? Find(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }

    public IEnumerable<WsManElement> FindAll(string name) => Properties.Where(property => property.Name == name);

    public string? GetString(string name) => Find(name)?.Text;

    public IReadOnlyList<string> GetStrings(string name) =>
        FindAll(name).Where(property => property.Text is not null).Select(property => property.Text!).ToArray();

    public string GetRequiredString(string name) =>
        GetString(name) ?? throw new AmtProtocolException(ProtocolViolation.UnexpectedXml, $"{Name} has no {name}");

    public long? GetInt64(string name) =>
        GetString(name) is { } text && long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public int? GetInt32(string name) => GetInt64(name) is { } value and >= int.MinValue and <= int.MaxValue ? (int)value : null;

    public uint? GetUInt32(string name) => GetInt64(name) is { } value and >= 0 and <= uint.MaxValue ? (uint)value : null;

    public IReadOnlyList<long> GetInt64s(string name) =>
        GetStrings(name).Select(text => long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? (long?)value : null)
            .Where(value => value.HasValue).Select(value => value!.Value).ToArray();

    /// <summary>Reads <c>true</c>/<c>false</c> in any case, and the 1/0 some AMT booleans use.</summary>
    public bool? GetBoolean(string name) => GetString(name)?.Trim().ToLowerInvariant() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => null,
    };

    public EndpointReference? GetReference(string name) => Find(name)?.AsReference();

    /// <summary>A copy with the property set to one value: the first occurrence is replaced, others removed, a missing one appended.</summary>
    public WsManObject With(string name, string value) => Replace(name, [WsManElement.Leaf(name, Namespace, value)]);

    public WsManObject With(string name, bool value) => With(name, value ? "true" : "false");

    public WsManObject With(string name, long value) => With(name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A copy with the property repeated once per value (CIM arrays).</summary>
    public WsManObject With(string name, IEnumerable<string> values) =>
        Replace(name, values.Select(value => WsManElement.Leaf(name, Namespace, value)).ToArray());

    public WsManObject With(string name, EndpointReference reference) => Replace(name, [reference.ToElement(name, Namespace)]);

    public WsManObject Without(params string[] names) =>
        new(Name, Namespace, Properties.Where(property => !names.Contains(property.Name)).ToArray());

    private WsManObject Replace(string name, WsManElement[] replacement)
    {
        var result = new List<WsManElement>(Properties.Count + replacement.Length);
        var placed = false;
        foreach (var property in Properties)
        {
            if (property.Name != name)
            {
                result.Add(property);
            }
            else if (!placed)
            {
                result.AddRange(replacement);
                placed = true;
            }
        }

        if (!placed)
        {
            result.AddRange(replacement);
        }

        return new WsManObject(Name, Namespace, result);
    }

    public override string ToString() => $"{Name}({Properties.Count} properties)";
}
