using System.CommandLine.Parsing;
using SharpAmt.Transport.WebSockets;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>
/// <c>--allow-origin URL</c>, repeatable: each must be an http or https origin (a path, query or credentials would
/// suggest the user thinks a page is allowed rather than a site), kept in the form browsers send.
/// </summary>
internal static class AllowedOrigins
{
    public static List<string> Parse(ArgumentResult result)
    {
        var origins = new List<string>(result.Tokens.Count);
        foreach (var token in result.Tokens)
        {
            if (!WebSocketOrigin.TryNormalize(token.Value, out var origin))
            {
                result.AddError($"--allow-origin takes a web origin such as http://127.0.0.1:8080 (scheme, host and port only), not '{token.Value}'");
                return [];
            }

            origins.Add(origin);
        }

        return origins;
    }
}
