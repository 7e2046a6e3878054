using System.CommandLine;
using System.Net;
using SharpAmt.Network;

namespace SharpAmt.Cli.Commands.Net;

/// <summary>
/// The manual IPv6 options of <c>amt net set</c>: an IPv6 address in RFC 4291 text, or "none" (sent as "::", which
/// AMT takes for no address). Zones, prefixes and IPv4 text are refused here; what an address is used for is
/// checked by the library.
/// </summary>
internal static class Ipv6AddressOption
{
    public static Option<IPAddress?> Create(string name, string description) => new(name)
    {
        Description = description + " (none to remove it)",
        HelpName = "ADDRESS|none",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
            if (text.Equals("none", StringComparison.OrdinalIgnoreCase))
            {
                return Ipv6.None;
            }

            if (Ipv6.ParseStrict(text) is { } address)
            {
                return address;
            }

            result.AddError($"{name} '{text}' is not an IPv6 address (or none)");
            return null;
        },
    };

    /// <summary>How the table shows a manual IPv6 value.</summary>
    public static string Show(string? address) => address switch
    {
        null => "not offered",
        "::" => "none",
        _ => address,
    };
}
