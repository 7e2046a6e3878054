using System.Text.Json.Nodes;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Cli.Output;
using SharpAmt.WsMan.Wire;
using Spectre.Console;

namespace SharpAmt.Cli.Commands.WsMan;

/// <summary>Prints WS-Man results in the chosen form: a table, <c>--xml</c>, or <c>--json</c>.</summary>
internal static class WsManPrinter
{
    public static void Print(CommandContext context, WsManObject instance, string endpoint)
    {
        if (context.Value(WsManOptions.Xml))
        {
            context.Output.Line(ObjectXml.Render(instance));
            return;
        }

        context.Output.Result<JsonNode>(ObjectJson.Render(instance), CliJsonContext.Default.JsonNode,
            console => console.Write(ObjectTable.Render(instance, $"{instance.Name} on {endpoint}")));
    }

    public static void Print(CommandContext context, IReadOnlyList<PulledItem> items, string className, string endpoint)
    {
        if (context.Value(WsManOptions.Xml))
        {
            foreach (var item in items)
            {
                if (item.Reference is not null)
                {
                    context.Output.Line(ObjectXml.Render(item.Reference));
                }

                if (item.Object is not null)
                {
                    context.Output.Line(ObjectXml.Render(item.Object));
                }
            }

            return;
        }

        var json = new JsonArray(items.Select(item => item.Object is null
            ? (JsonNode)new JsonObject { ["endpointReference"] = item.Reference is null ? null : ObjectJson.Render(item.Reference) }
            : ObjectJson.Render(item.Object, item.Reference)).ToArray());
        context.Output.Result<JsonNode>(json, CliJsonContext.Default.JsonNode, console =>
        {
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                var title = $"{item.Object?.Name ?? className} #{i + 1} on {endpoint}";
                if (item.Object is not null)
                {
                    console.Write(ObjectTable.Render(item.Object, title, item.Reference));
                }
                else if (item.Reference is not null)
                {
                    console.WriteLine($"{title}: → {item.Reference}");
                }
            }

            console.WriteLine($"{items.Count} {(items.Count == 1 ? "instance" : "instances")} of {className}");
        });
    }
}
