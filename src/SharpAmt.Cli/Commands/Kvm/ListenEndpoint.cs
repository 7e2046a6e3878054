using System.CommandLine.Parsing;
using System.Globalization;
using System.Net;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>
/// The gateway's <c>--listen ADDR:PORT</c> and <c>--listen-websocket ADDR:PORT</c>: an IPv4 address, a bracketed IPv6 one, or a bare port on 127.0.0.1. Only
/// addresses are taken, not names, so the gateway never listens somewhere other than what was typed.
/// </summary>
internal static class ListenEndpoint
{
    public static IPEndPoint? Parse(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        if (TryParse(text, out var endpoint))
        {
            return endpoint;
        }

        var option = (result.Parent as OptionResult)?.Option.Name ?? "--listen";
        result.AddError($"{option} takes ADDRESS:PORT (such as 127.0.0.1:5901 or [::1]:5901) or a port, not '{text}'");
        return null;
    }

    public static bool TryParse(string text, out IPEndPoint? endpoint)
    {
        endpoint = null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bare))
        {
            endpoint = bare is >= 1 and <= 65535 ? new IPEndPoint(IPAddress.Loopback, bare) : null;
            return endpoint is not null;
        }

        var colon = text.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535)
        {
            return false;
        }

        var address = text[..colon];
        if (address.StartsWith('[') && address.EndsWith(']'))
        {
            address = address[1..^1];
        }
        else if (address.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        if (!IPAddress.TryParse(address, out var parsed))
        {
            return false;
        }

        endpoint = new IPEndPoint(parsed, port);
        return true;
    }
}
