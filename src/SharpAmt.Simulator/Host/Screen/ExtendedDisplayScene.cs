namespace SharpAmt.Simulator.Host.Screen;

/// <summary>
/// A second or third display while the OS's desktop extends onto it: the wallpaper, a label naming the display
/// ("Display 2", as the OS's display settings number them), the pointer when it is there, and AMT's consent code when
/// this is the display AMT chose. Only the first display has the top bar, the clock, the animation and the field.
/// Nothing here changes on its own, so a viewer of this display never needs a timer.
/// </summary>
internal sealed class ExtendedDisplayScene(SimulatedScreenOptions options, DisplayGeometry geometry)
{
    public DesktopLayout Layout { get; } = new(options with { Width = geometry.Width, Height = geometry.Height, AnimatedRegion = null });

    public string Label { get; } = $"Display {geometry.Index + 1}";

    /// <param name="pointer">Where the pointer is on this display, or null when it is on another.</param>
    public void Render(GlyphPainter painter, (int X, int Y)? pointer, string? consentCode)
    {
        Wallpaper.Draw(painter, options.Background);
        painter.Text(Layout.Title.X, Layout.Title.Y, Label, DesktopScene.BarText, DesktopScene.BarColour, Layout.TextScale);
        if (consentCode is not null)
        {
            ConsentOverlay.DrawDesktop(painter, Layout, consentCode);
        }

        if (pointer is var (x, y))
        {
            PointerShape.Draw(painter, x, y, DesktopScene.PointerScale(Layout.TextScale));
        }
    }
}
