namespace SharpAmt.Simulator.Host.Screen;

/// <summary>The desktop's background on every display: a vertical gradient from the configured colour to a third of its brightness.</summary>
internal static class Wallpaper
{
    public static void Draw(GlyphPainter painter, uint top)
    {
        for (var y = 0; y < painter.Height; y++)
        {
            var shade = 3 * painter.Height - 2 * y;
            painter.Fill(0, y, painter.Width, 1, Scale(top, shade, 3 * painter.Height));
        }
    }

    private static uint Scale(uint rgb, int numerator, int denominator)
    {
        var r = (int)(rgb >> 16 & 0xFF) * numerator / denominator;
        var g = (int)(rgb >> 8 & 0xFF) * numerator / denominator;
        var b = (int)(rgb & 0xFF) * numerator / denominator;
        return (uint)(Math.Min(r, 255) << 16 | Math.Min(g, 255) << 8 | Math.Min(b, 255));
    }
}
