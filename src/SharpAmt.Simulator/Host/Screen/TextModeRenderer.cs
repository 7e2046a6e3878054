namespace SharpAmt.Simulator.Host.Screen;

/// <summary>Draws the 80 × 25 text screen as VGA shows it: 9 × 16 cells, 720 × 400 pixels, an underline cursor.</summary>
internal static class TextModeRenderer
{
    public const int Width = TextTerminal.Columns * TextFont.CellWidth;
    public const int Height = TextTerminal.Rows * TextFont.GlyphHeight;

    /// <summary>The cursor's underline: the last two pixel rows of its cell.</summary>
    public const int CursorFirstRow = TextFont.GlyphHeight - 2;

    public static void Render(TextTerminal terminal, GlyphPainter painter, bool cursor)
    {
        for (var row = 0; row < TextTerminal.Rows; row++)
        {
            for (var column = 0; column < TextTerminal.Columns; column++)
            {
                var cell = terminal[row, column];
                painter.Char(column * TextFont.CellWidth, row * TextFont.GlyphHeight, TextCell.Char(cell),
                    VgaPalette.Rgb(TextCell.Foreground(cell)), VgaPalette.Rgb(TextCell.Background(cell)), cellWidth: TextFont.CellWidth);
            }
        }

        if (cursor)
        {
            var cell = terminal[terminal.CursorRow, terminal.CursorColumn];
            painter.Fill(terminal.CursorColumn * TextFont.CellWidth, terminal.CursorRow * TextFont.GlyphHeight + CursorFirstRow, TextFont.GlyphWidth, 2, VgaPalette.Rgb(TextCell.Foreground(cell)));
        }
    }
}
