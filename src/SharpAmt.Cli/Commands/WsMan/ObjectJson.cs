using System.Text.Json.Nodes;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Cli.Commands.WsMan;

/// <summary>
/// WS-Man objects as JSON. Property names are the device's own (HostName, PowerState); values stay strings,
/// as on the wire, so nothing is lost guessing types; repeated properties become arrays, nil becomes null.
/// </summary>
internal static class ObjectJson
{
    public static JsonObject Render(WsManObject instance, EndpointReference? reference = null)
    {
        var json = new JsonObject
        {
            ["className"] = instance.Name,
            ["resourceUri"] = instance.Namespace,
            ["properties"] = Properties(instance.Properties),
        };
        if (reference is not null)
        {
            json["endpointReference"] = Render(reference);
        }

        return json;
    }

    public static JsonObject Render(EndpointReference reference)
    {
        var selectors = new JsonObject();
        foreach (var selector in reference.Selectors)
        {
            selectors[selector.Name] = selector.Reference is null ? JsonValue.Create(selector.Value) : Render(selector.Reference);
        }

        return new JsonObject
        {
            ["address"] = reference.Address,
            ["resourceUri"] = reference.ResourceUri,
            ["selectors"] = selectors,
        };
    }

    private static JsonObject Properties(IEnumerable<WsManElement> elements)
    {
        var properties = new JsonObject();
        foreach (var group in elements.GroupBy(element => element.Name))
        {
            var values = group.Select(Value).ToArray();
            properties[group.Key] = values.Length == 1 ? values[0] : new JsonArray(values);
        }

        return properties;
    }

    private static JsonNode? Value(WsManElement element) =>
        element.IsNil ? null
        : element.IsLeaf ? JsonValue.Create(element.Text ?? "")
        : element.AsReference() is { } reference ? Render(reference)
        : Properties(element.Children);
}
