using SharpAmt.Simulator.Host.Screen;
using Xunit;

namespace SharpAmt.Simulator.Tests.Screen;

public sealed class TextFontTests
{
    [Fact]
    public void EveryPrintableCharacterHasItsOwnGlyph()
    {
        var seen = new Dictionary<string, char>();
        for (var c = TextFont.First; c <= TextFont.Last; c++)
        {
            var glyph = Convert.ToHexString(TextFont.Glyph(c));
            Assert.False(seen.TryGetValue(glyph, out var other), $"'{c}' looks exactly like '{other}'");
            seen[glyph] = c;
            Assert.True(c == ' ' || glyph.Trim('0').Length > 0, $"'{c}' has no ink");
        }
    }

    [Fact]
    public void GlyphsLeaveTheFirstPixelColumnBlankSoCellsKeepTheirBackgroundThere()
    {
        for (var c = TextFont.First; c <= TextFont.Last; c++)
        {
            Assert.All(TextFont.Glyph(c).ToArray(), row => Assert.Equal(0, row & 0x80));
        }
    }

    [Fact]
    public void ACellRendersItsGlyphPixelsInItsColours()
    {
        var terminal = new TextTerminal();
        terminal.Write("\e[1;33;44mH");
        var pixels = new uint[TextModeRenderer.Width * TextModeRenderer.Height];

        TextModeRenderer.Render(terminal, new GlyphPainter(pixels, TextModeRenderer.Width, TextModeRenderer.Height), cursor: false);

        var glyph = TextFont.Glyph('H');
        for (var row = 0; row < TextFont.GlyphHeight; row++)
        {
            for (var column = 0; column < TextFont.CellWidth; column++)
            {
                var ink = column < TextFont.GlyphWidth && (glyph[row] & 0x80 >> column) != 0;
                Assert.Equal(ink ? 0xFFFF55u : 0x0000AAu, pixels[row * TextModeRenderer.Width + column]);
            }
        }
    }

    [Fact]
    public void EveryCharacterReadsBackFromThePicture()
    {
        var all = new string(Enumerable.Range(TextFont.First, TextFont.Last - TextFont.First + 1).Select(c => (char)c).ToArray());
        var terminal = new TextTerminal();
        terminal.Write(all[..80] + "\r\n\e[7m" + all[80..] + "\e[0m");
        var pixels = new uint[TextModeRenderer.Width * TextModeRenderer.Height];

        TextModeRenderer.Render(terminal, new GlyphPainter(pixels, TextModeRenderer.Width, TextModeRenderer.Height), cursor: true);
        var rows = ScreenText.ReadTextMode(pixels, SimulatedScreen.TextModeSize);

        Assert.Equal(all[..80], rows[0]);
        Assert.Equal(all[80..], rows[1]);
    }

    [Fact]
    public void ScaledTextReadsBackAtItsScale()
    {
        const int width = 200;
        var pixels = new uint[width * 40];
        var painter = new GlyphPainter(pixels, width, 40);

        painter.Text(3, 2, "12:34:56", 0xFFFFFF, 0x123456, scale: 2);

        Assert.Equal("12:34:56", ScreenText.ReadLine(pixels, width, 3, 2, 8, scale: 2));
    }
}
