namespace SharpAmt.Simulator.Host.Screen;

/// <summary>
/// Where the desktop's parts are for a resolution: the top bar with the title and the clock, the animated
/// region, the typing field and the consent box. Text is drawn from the text-mode font, scaled so it stays
/// readable at 4K; tests read it back with <see cref="ScreenText"/> at <see cref="TextScale"/>.
/// </summary>
public sealed class DesktopLayout
{
    public const int ClockCharacters = 8;
    public const int FieldLines = 8;
    private const int Margin = 16;

    public DesktopLayout(SimulatedScreenOptions options)
    {
        Width = options.Width;
        Height = options.Height;
        TextScale = Height >= 1600 ? 4 : 2;
        var glyphWidth = TextFont.GlyphWidth * TextScale;
        var lineHeight = TextFont.GlyphHeight * TextScale;
        BarHeight = lineHeight + Margin;
        Title = new ScreenRegion(Margin, Margin / 2, glyphWidth * 40, lineHeight);
        Clock = new ScreenRegion(Width - Margin - glyphWidth * ClockCharacters, Margin / 2, glyphWidth * ClockCharacters, lineHeight);
        Animated = options.AnimatedRegion ?? new ScreenRegion(Margin * 4, BarHeight + Margin * 4, Width / 4, Height / 4);
        var fieldX = Width / 2;
        FieldColumns = Math.Max(1, (Width - fieldX - Margin * 5) / glyphWidth);
        Field = new ScreenRegion(fieldX, BarHeight + Margin * 4, FieldColumns * glyphWidth + Margin, FieldLines * lineHeight + Margin);
        FieldText = new ScreenRegion(Field.X + Margin / 2, Field.Y + Margin / 2, FieldColumns * glyphWidth, FieldLines * lineHeight);
        ConsentScale = TextFont.GlyphWidth * TextScale * 2 * ConsentColumns <= Width - Margin * 4 ? TextScale * 2 : TextScale;
        var consentWidth = TextFont.GlyphWidth * ConsentScale * ConsentColumns;
        Consent = new ScreenRegion((Width - consentWidth) / 2, Height / 2 - lineHeight * 2, consentWidth, TextFont.GlyphHeight * ConsentScale);
    }

    /// <summary>Characters in the consent line ("USER CONSENT CODE: 123456").</summary>
    public const int ConsentColumns = 25;

    public int Width { get; }

    public int Height { get; }

    /// <summary>How many screen pixels one font pixel takes (the consent code uses twice this).</summary>
    public int TextScale { get; }

    public int BarHeight { get; }

    public ScreenRegion Title { get; }

    /// <summary>"hh:mm:ss", redrawn every second.</summary>
    public ScreenRegion Clock { get; }

    public ScreenRegion Animated { get; }

    /// <summary>The box that shows typed keys.</summary>
    public ScreenRegion Field { get; }

    /// <summary>Where the typed text itself starts: <see cref="FieldLines"/> lines of <see cref="FieldColumns"/>.</summary>
    public ScreenRegion FieldText { get; }

    public int FieldColumns { get; }

    /// <summary>The consent code line, drawn at <see cref="ConsentScale"/>.</summary>
    public ScreenRegion Consent { get; }

    /// <summary>Twice <see cref="TextScale"/> where the line fits, else the same.</summary>
    public int ConsentScale { get; }
}
