namespace SharpAmt.Simulator.Host.Screen;

/// <summary>The 16 text-mode colours, indexed as SGR 30–37 (dim) and 90–97 (bright) number them.</summary>
public static class VgaPalette
{
    public const byte Black = 0;
    public const byte Blue = 4;
    public const byte LightGray = 7;
    public const byte White = 15;

    /// <summary>0x00RRGGBB, in ANSI order: black, red, green, yellow (brown), blue, magenta, cyan, grey, then the bright ones.</summary>
    private static ReadOnlySpan<uint> Colours =>
    [
        0x000000, 0xAA0000, 0x00AA00, 0xAA5500, 0x0000AA, 0xAA00AA, 0x00AAAA, 0xAAAAAA,
        0x555555, 0xFF5555, 0x55FF55, 0xFFFF55, 0x5555FF, 0xFF55FF, 0x55FFFF, 0xFFFFFF,
    ];

    public static uint Rgb(int index) => Colours[index & 0x0F];
}
