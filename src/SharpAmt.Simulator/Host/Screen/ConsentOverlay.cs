namespace SharpAmt.Simulator.Host.Screen;

/// <summary>
/// The user-consent code as AMT's firmware draws it over whatever the host shows (reference section 4.4): a
/// box in the middle of the screen, in text mode on the cell grid so it reads like the text around it.
/// </summary>
internal static class ConsentOverlay
{
    public const uint Foreground = 0xFFFFFF;
    public const uint Background = 0xAA0000;

    /// <summary>The text-mode box: rows 10–14, columns 20–59.</summary>
    public const int TextRow = 10;
    public const int TextColumn = 20;
    public const int TextWidth = 40;

    public static string Line(string code) => $"USER CONSENT CODE: {code}";

    public static void DrawTextMode(GlyphPainter painter, string code)
    {
        string[] lines =
        [
            "+" + new string('-', TextWidth - 2) + "+",
            "|" + Center("Intel(R) Active Management Technology", TextWidth - 2) + "|",
            "|" + Center(Line(code), TextWidth - 2) + "|",
            "|" + Center("Read this code to the remote operator", TextWidth - 2) + "|",
            "+" + new string('-', TextWidth - 2) + "+",
        ];
        for (var row = 0; row < lines.Length; row++)
        {
            for (var column = 0; column < TextWidth; column++)
            {
                painter.Char((TextColumn + column) * TextFont.CellWidth, (TextRow + row) * TextFont.GlyphHeight, lines[row][column], Foreground, Background, cellWidth: TextFont.CellWidth);
            }
        }
    }

    public static void DrawDesktop(GlyphPainter painter, DesktopLayout layout, string code)
    {
        var box = layout.Consent;
        var pad = layout.TextScale * 8;
        painter.Fill(box.X - pad * 2, box.Y - pad * 2, box.Width + pad * 4, box.Height + pad * 4, Foreground);
        painter.Fill(box.X - pad, box.Y - pad, box.Width + pad * 2, box.Height + pad * 2, Background);
        painter.Text(box.X, box.Y, Line(code), Foreground, Background, layout.ConsentScale);
    }

    private static string Center(string text, int width) => text.PadLeft((width + text.Length) / 2).PadRight(width);
}
