namespace SharpAmt.Simulator.Host.Screen;

/// <summary>The desktop's arrow pointer, its tip at the pointer position: a black outline around a white body.</summary>
internal static class PointerShape
{
    public const uint Outline = 0x000000;
    public const uint Body = 0xFFFFFF;

    /// <summary>'X' outline, 'o' body, anything else transparent.</summary>
    private static readonly string[] Rows =
    [
        "X",
        "XX",
        "XoX",
        "XooX",
        "XoooX",
        "XooooX",
        "XoooooX",
        "XooooooX",
        "XoooooooX",
        "XooooooooX",
        "XoooooXXXXX",
        "XooXooX",
        "XoX XooX",
        "XX  XooX",
        "X    XooX",
        "     XooX",
        "      XX",
    ];

    public static int Height => Rows.Length;

    public static void Draw(GlyphPainter painter, int x, int y, int scale)
    {
        for (var row = 0; row < Rows.Length; row++)
        {
            var line = Rows[row];
            for (var column = 0; column < line.Length; column++)
            {
                var colour = line[column] switch
                {
                    'X' => Outline,
                    'o' => Body,
                    _ => (uint?)null,
                };
                if (colour is { } pixel)
                {
                    painter.Fill(x + column * scale, y + row * scale, scale, scale, pixel);
                }
            }
        }
    }
}
