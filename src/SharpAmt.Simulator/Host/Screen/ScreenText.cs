using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Simulator.Host.Screen;

/// <summary>
/// Reads text back from a picture drawn with <see cref="TextFont"/>: each cell's ink (pixels that differ from
/// the cell's top-left pixel, which no glyph inks) is compared with every glyph. Works in any colours, reverse
/// video included; a cell under the text cursor is read without its underline; anything else reads as '?'.
/// For tests and tools that check what a viewer of the simulated monitor would see.
/// </summary>
public static class ScreenText
{
    private static readonly Dictionary<(ulong, ulong), char> GlyphsByInk = IndexGlyphs();

    /// <summary>The 25 rows of a 720 × 400 text-mode picture, trailing blanks trimmed.</summary>
    public static string[] ReadTextMode(ReadOnlySpan<uint> pixels, RfbScreenSize size)
    {
        if (size != SimulatedScreen.TextModeSize)
        {
            throw new ArgumentException($"a text-mode picture is {SimulatedScreen.TextModeSize.Width}x{SimulatedScreen.TextModeSize.Height}, not {size.Width}x{size.Height}", nameof(size));
        }

        return Read(pixels, size.Width, 0, 0, TextTerminal.Columns, TextTerminal.Rows, scale: 1, cellWidth: TextFont.CellWidth);
    }

    /// <summary>
    /// Reads <paramref name="rows"/> lines of <paramref name="columns"/> characters whose first cell's top-left
    /// pixel is at (<paramref name="x"/>, <paramref name="y"/>), every font pixel drawn <paramref name="scale"/>
    /// screen pixels square and each cell <paramref name="cellWidth"/> font pixels wide (9 in text mode, 8 elsewhere).
    /// </summary>
    public static string[] Read(ReadOnlySpan<uint> pixels, int stride, int x, int y, int columns, int rows, int scale = 1, int cellWidth = TextFont.GlyphWidth)
    {
        var lines = new string[rows];
        var line = new char[columns];
        for (var row = 0; row < rows; row++)
        {
            for (var column = 0; column < columns; column++)
            {
                line[column] = ReadCell(pixels, stride, x + column * cellWidth * scale, y + row * TextFont.GlyphHeight * scale, scale);
            }

            lines[row] = new string(line).TrimEnd();
        }

        return lines;
    }

    /// <summary>One line of <paramref name="columns"/> cells (see <see cref="Read"/>).</summary>
    public static string ReadLine(ReadOnlySpan<uint> pixels, int stride, int x, int y, int columns, int scale = 1) =>
        Read(pixels, stride, x, y, columns, 1, scale)[0];

    private static char ReadCell(ReadOnlySpan<uint> pixels, int stride, int x, int y, int scale)
    {
        var background = pixels[y * stride + x];
        Span<byte> ink = stackalloc byte[TextFont.GlyphHeight];
        for (var row = 0; row < TextFont.GlyphHeight; row++)
        {
            var bits = 0;
            var offset = (y + row * scale) * stride + x;
            for (var column = 0; column < TextFont.GlyphWidth; column++)
            {
                if (pixels[offset + column * scale] != background)
                {
                    bits |= 0x80 >> column;
                }
            }

            ink[row] = (byte)bits;
        }

        if (GlyphsByInk.TryGetValue(Key(ink), out var c))
        {
            return c;
        }

        // The text cursor underlines its cell: read it as if the underline were not there.
        ink[TextModeRenderer.CursorFirstRow..].Clear();
        return GlyphsByInk.TryGetValue(Key(ink), out c) ? c : '?';
    }

    private static (ulong, ulong) Key(ReadOnlySpan<byte> ink) =>
        (BitConverter.ToUInt64(ink[..8]), BitConverter.ToUInt64(ink[8..]));

    private static Dictionary<(ulong, ulong), char> IndexGlyphs()
    {
        var index = new Dictionary<(ulong, ulong), char>();
        for (var c = TextFont.First; c <= TextFont.Last; c++)
        {
            index.TryAdd(Key(TextFont.Glyph(c)), c);
        }

        return index;
    }
}
