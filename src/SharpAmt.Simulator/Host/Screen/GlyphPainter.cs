namespace SharpAmt.Simulator.Host.Screen;

/// <summary>Draws text and rectangles into a caller's 0x00RRGGBB pixel buffer, clipped to its size.</summary>
internal readonly ref struct GlyphPainter(Span<uint> pixels, int width, int height)
{
    private readonly Span<uint> _pixels = pixels;

    public int Width { get; } = width;

    public int Height { get; } = height;

    public void Fill(int x, int y, int w, int h, uint colour)
    {
        var left = Math.Max(0, x);
        var right = Math.Min(Width, x + w);
        var top = Math.Max(0, y);
        var bottom = Math.Min(Height, y + h);
        if (left >= right)
        {
            return;
        }

        for (var row = top; row < bottom; row++)
        {
            _pixels.Slice(row * Width + left, right - left).Fill(colour);
        }
    }

    public void Pixel(int x, int y, uint colour)
    {
        if ((uint)x < (uint)Width && (uint)y < (uint)Height)
        {
            _pixels[y * Width + x] = colour;
        }
    }

    /// <summary>
    /// One character in a cell <paramref name="cellWidth"/> glyph pixels wide, every glyph pixel a
    /// <paramref name="scale"/> × <paramref name="scale"/> square; the background fills the whole cell.
    /// </summary>
    public void Char(int x, int y, char c, uint foreground, uint background, int scale = 1, int cellWidth = TextFont.GlyphWidth)
    {
        var glyph = TextFont.Glyph(c);
        if (scale == 1 && x >= 0 && y >= 0 && x + cellWidth <= Width && y + TextFont.GlyphHeight <= Height)
        {
            // The text-mode fast path: one row span per glyph row, no clipping.
            for (var row = 0; row < TextFont.GlyphHeight; row++)
            {
                var line = _pixels.Slice((y + row) * Width + x, cellWidth);
                var bits = glyph[row];
                for (var column = 0; column < TextFont.GlyphWidth; column++)
                {
                    line[column] = (bits & 0x80 >> column) != 0 ? foreground : background;
                }

                line[TextFont.GlyphWidth..].Fill(background);
            }

            return;
        }

        Fill(x, y, cellWidth * scale, TextFont.GlyphHeight * scale, background);
        for (var row = 0; row < TextFont.GlyphHeight; row++)
        {
            for (var column = 0; column < TextFont.GlyphWidth; column++)
            {
                if ((glyph[row] & 0x80 >> column) != 0)
                {
                    Fill(x + column * scale, y + row * scale, scale, scale, foreground);
                }
            }
        }
    }

    /// <summary>A line of text in 8-pixel cells (times <paramref name="scale"/>); returns the width drawn.</summary>
    public int Text(int x, int y, ReadOnlySpan<char> text, uint foreground, uint background, int scale = 1)
    {
        for (var i = 0; i < text.Length; i++)
        {
            Char(x + i * TextFont.GlyphWidth * scale, y, text[i], foreground, background, scale);
        }

        return text.Length * TextFont.GlyphWidth * scale;
    }
}
