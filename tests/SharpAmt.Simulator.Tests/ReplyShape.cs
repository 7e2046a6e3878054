using System.Net;
using System.Text.RegularExpressions;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Tests;

/// <summary>The parts of a reply that must match real firmware: names, namespaces, order and value formats.</summary>
internal static partial class ReplyShape
{
    /// <summary>The prefix declarations on the Envelope, in order, as "prefix=namespace".</summary>
    public static IReadOnlyList<string> EnvelopeDeclarations(string envelopeText)
    {
        var start = envelopeText.IndexOf("<a:Envelope", StringComparison.Ordinal);
        var end = envelopeText.IndexOf('>', start);
        return Declaration().Matches(envelopeText[start..end])
            .Select(match => $"{match.Groups[1].Value}={match.Groups[2].Value}")
            .ToArray();
    }

    /// <summary>One line per property: name, namespace and the format of its value.</summary>
    public static IReadOnlyList<string> Describe(WsManObject instance) =>
        instance.Properties.Select(property => $"{property.Name} {{{property.Namespace}}} {Format(property)}").ToArray();

    public static string Format(WsManElement property)
    {
        if (property.IsNil)
        {
            return "nil";
        }

        if (!property.IsLeaf)
        {
            return property.AsReference() is { } reference
                ? $"reference to {ResourceUris.ClassName(reference.ResourceUri)}({string.Join(",", reference.Selectors.Select(selector => selector.Name))})"
                : "structure(" + string.Join(",", property.Children.Select(child => $"{child.Name}{{{child.Namespace}}}:{Format(child)}")) + ")";
        }

        var text = property.Text!;
        return text switch
        {
            // An empty string is a value of a text property (a device without a domain name), not a format of its own.
            "" => "text",
            "true" or "false" => "boolean",
            _ when Integer().IsMatch(text) => "integer",
            _ when HexGuid().IsMatch(text) => "hex-guid",
            _ when MacAddress().IsMatch(text) => "mac-address",
            _ when IPAddress.TryParse(text, out _) && text.Contains('.', StringComparison.Ordinal) => "ipv4-address",
            _ when DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _) && text.Contains('T', StringComparison.Ordinal) => "datetime",
            _ => "text",
        };
    }

    [GeneratedRegex("xmlns:(\\w+)\\s*=\\s*\"([^\"]*)\"")]
    private static partial Regex Declaration();

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex("^[0-9A-F]{32}$")]
    private static partial Regex HexGuid();

    [GeneratedRegex("^([0-9a-f]{2}-){5}[0-9a-f]{2}$")]
    private static partial Regex MacAddress();
}
