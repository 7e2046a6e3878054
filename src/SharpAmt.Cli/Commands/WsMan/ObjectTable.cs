using SharpAmt.Cli.Output;
using SharpAmt.WsMan.Wire;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SharpAmt.Cli.Commands.WsMan;

/// <summary>A WS-Man object as a property table: repeated properties on one row, references as <c>→ CLASS(K=V, …)</c>.</summary>
internal static class ObjectTable
{
    public static IRenderable Render(WsManObject instance, string title, EndpointReference? reference = null)
    {
        var table = Tables.Properties();
        foreach (var group in instance.Properties.GroupBy(property => property.Name))
        {
            table.Row(group.Key, string.Join('\n', group.Select(Format)));
        }

        return reference is null
            ? Tables.Titled(title, table)
            : Tables.Titled(title, new Rows(new Text("→ " + reference), table));
    }

    public static string Format(WsManElement element)
    {
        if (element.IsNil)
        {
            return "(nil)";
        }

        if (element.IsLeaf)
        {
            return element.Text ?? "";
        }

        if (element.AsReference() is { } reference)
        {
            return "→ " + reference;
        }

        // A wrapped scalar such as <Time><Datetime>…</Datetime></Time> reads best as the scalar.
        return element.Children is [{ IsLeaf: true } only]
            ? only.Text ?? ""
            : "{ " + string.Join("; ", element.Children.Select(child => $"{child.Name}: {Format(child)}")) + " }";
    }
}
