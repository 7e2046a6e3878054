using System.Globalization;
using System.Text;
using SharpAmt.Simulator.Host.SerialConsole;

namespace SharpAmt.Simulator.Host.Screen;

/// <summary>
/// The simulated OS's graphical desktop: a gradient background, a top bar with the host name and a clock, a
/// region that changes every animation frame, a field showing what was typed, and the mouse pointer. It holds
/// only that state (a few hundred bytes); every picture is drawn on demand into the caller's buffer.
/// </summary>
internal sealed class DesktopScene(SimulatedScreenOptions options, string title)
{
    /// <summary>Typed text kept for the field; older characters are dropped, as a scroll-back limit drops them.</summary>
    public const int MaxTypedCharacters = 2048;

    public const uint BarColour = 0x202428;
    public const uint BarText = 0xE8E8E8;
    private const uint FieldColour = 0xF4F4F0;
    private const uint FieldText = 0x101010;

    private readonly StringBuilder _typed = new();

    public DesktopLayout Layout { get; } = new(options);

    public int PointerX { get; private set; } = options.Width / 2;

    public int PointerY { get; private set; } = options.Height / 2;

    /// <summary>What the field shows, lines separated by '\n'.</summary>
    public string Typed => _typed.ToString();

    /// <summary>A key typed on the desktop: printable characters append, Backspace deletes, Enter starts a line. Returns whether the field changed.</summary>
    public bool Type(SerialKey key)
    {
        switch (key.Kind)
        {
            case SerialKeyKind.Char:
                Append(key.Char);
                return true;
            case SerialKeyKind.Enter:
                Append('\n');
                return true;
            case SerialKeyKind.Backspace when _typed.Length > 0:
                _typed.Length--;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Moves the pointer, kept on the screen; returns whether it moved.</summary>
    public bool MovePointer(int x, int y)
    {
        x = Math.Clamp(x, 0, Layout.Width - 1);
        y = Math.Clamp(y, 0, Layout.Height - 1);
        if (x == PointerX && y == PointerY)
        {
            return false;
        }

        (PointerX, PointerY) = (x, y);
        return true;
    }

    private void Append(char c)
    {
        if (_typed.Length >= MaxTypedCharacters)
        {
            _typed.Remove(0, _typed.Length - MaxTypedCharacters + 1);
        }

        _typed.Append(c);
    }

    /// <param name="drawPointer">False while the pointer is on another display of the extended desktop.</param>
    public void Render(GlyphPainter painter, DateTimeOffset clock, long frame, string? consentCode, bool drawPointer = true)
    {
        Wallpaper.Draw(painter, options.Background);
        var layout = Layout;
        var scale = layout.TextScale;
        painter.Fill(0, 0, layout.Width, layout.BarHeight, BarColour);
        painter.Text(layout.Title.X, layout.Title.Y, title, BarText, BarColour, scale);
        painter.Text(layout.Clock.X, layout.Clock.Y, clock.ToString("HH:mm:ss", CultureInfo.InvariantCulture), BarText, BarColour, scale);
        DrawAnimation(painter, layout.Animated, frame);
        DrawField(painter);
        if (consentCode is not null)
        {
            ConsentOverlay.DrawDesktop(painter, layout, consentCode);
        }

        if (drawPointer)
        {
            PointerShape.Draw(painter, PointerX, PointerY, PointerScale(scale));
        }
    }

    /// <summary>The pointer's size in screen pixels per shape pixel at a layout's text scale.</summary>
    public static int PointerScale(int textScale) => Math.Max(1, textScale / 2);

    /// <summary>Every frame a new colour and a bar one step further, so any two consecutive frames differ in every row.</summary>
    private static void DrawAnimation(GlyphPainter painter, ScreenRegion region, long frame)
    {
        painter.Fill(region.X, region.Y, region.Width, region.Height, Hue(frame));
        var barWidth = Math.Max(1, region.Width / 16);
        var step = Math.Max(1, barWidth / 2);
        var travel = Math.Max(1, region.Width - barWidth);
        var offset = (int)(frame * step % travel);
        painter.Fill(region.X + offset, region.Y, barWidth, region.Height, 0xFFFFFF);
    }

    private void DrawField(GlyphPainter painter)
    {
        var layout = Layout;
        var field = layout.Field;
        painter.Fill(field.X - 2, field.Y - 2, field.Width + 4, field.Height + 4, 0x000000);
        painter.Fill(field.X, field.Y, field.Width, field.Height, FieldColour);
        var lines = FieldLines(_typed.ToString(), layout.FieldColumns);
        var text = layout.FieldText;
        var lineHeight = TextFont.GlyphHeight * layout.TextScale;
        for (var i = 0; i < lines.Count; i++)
        {
            painter.Text(text.X, text.Y + i * lineHeight, lines[i], FieldText, FieldColour, layout.TextScale);
        }
    }

    /// <summary>The last <see cref="DesktopLayout.FieldLines"/> lines of the typed text, long lines wrapped at the field's width.</summary>
    public static List<string> FieldLines(string typed, int columns)
    {
        var lines = new List<string>();
        foreach (var line in typed.Split('\n'))
        {
            var rest = line;
            while (rest.Length > columns)
            {
                lines.Add(rest[..columns]);
                rest = rest[columns..];
            }

            lines.Add(rest);
        }

        return lines.Count > DesktopLayout.FieldLines ? lines[^DesktopLayout.FieldLines..] : lines;
    }

    /// <summary>A saturated colour that walks round the colour wheel, 7° a frame.</summary>
    private static uint Hue(long frame)
    {
        var degrees = (int)(frame * 7 % 360);
        var sector = degrees / 60;
        var rising = degrees % 60 * 255 / 60;
        var falling = 255 - rising;
        (int R, int G, int B) rgb = sector switch
        {
            0 => (255, rising, 0),
            1 => (falling, 255, 0),
            2 => (0, 255, rising),
            3 => (0, falling, 255),
            4 => (rising, 0, 255),
            _ => (255, 0, falling),
        };
        return (uint)(rgb.R << 16 | rgb.G << 8 | rgb.B);
    }
}
