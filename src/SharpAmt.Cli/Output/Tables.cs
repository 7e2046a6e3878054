using Spectre.Console;
using Spectre.Console.Rendering;

namespace SharpAmt.Cli.Output;

/// <summary>The table shapes the commands share. Cell text is never parsed as markup: device data may hold brackets.</summary>
internal static class Tables
{
    /// <summary>A two-column property table.</summary>
    public static Table Properties()
    {
        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumn(new TableColumn("Property"));
        table.AddColumn(new TableColumn("Value"));
        return table;
    }

    /// <summary>
    /// A heading line above a table. Spectre's own table title wraps to the table's width, which mangles long
    /// class names over narrow tables.
    /// </summary>
    public static IRenderable Titled(string title, IRenderable table) =>
        new Rows(new Text(title, new Style(decoration: Decoration.Bold)), table);

    public static Table Columns(params string[] headers)
    {
        var table = new Table { Border = TableBorder.Rounded };
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        return table;
    }

    public static Table Row(this Table table, params string?[] cells)
    {
        table.AddRow(cells.Select(cell => (IRenderable)new Text(cell ?? "")).ToArray());
        return table;
    }
}
