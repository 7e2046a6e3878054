using SharpAmt.WsMan.Wire;

namespace SharpAmt.Cli.Commands.WsMan;

/// <summary>
/// A method argument written <c>ref:CLASS?K=V&amp;K2=V2</c>: an endpoint reference to another instance, as
/// RequestPowerStateChange's ManagedElement. Values may be percent-encoded to carry '&amp;' or '='.
/// </summary>
internal static class ReferenceArgument
{
    public const string Prefix = "ref:";

    public static bool IsReference(string value) => value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The reference; null with <paramref name="error"/> set when the text is malformed.</summary>
    public static EndpointReference? TryParse(string value, out string? error)
    {
        var body = value[Prefix.Length..];
        var question = body.IndexOf('?', StringComparison.Ordinal);
        var className = question < 0 ? body : body[..question];
        var selectors = new List<(string, string)>();
        if (question >= 0)
        {
            foreach (var pair in body[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    error = $"'{value}': selector '{pair}' is not KEY=VALUE";
                    return null;
                }

                selectors.Add((Uri.UnescapeDataString(pair[..equals]), Uri.UnescapeDataString(pair[(equals + 1)..])));
            }
        }

        if (WsManClasses.Check(className) is { } classError)
        {
            error = $"'{value}': {classError}";
            return null;
        }

        error = null;
        return EndpointReference.For(className, [.. selectors]);
    }
}
