namespace SharpAmt.Simulator.Host.Screen;

/// <summary>
/// One display's place on the extended desktop: its desktop resolution and upper-left corner, as
/// IPS_ScreenSettingData reports them (ResolutionX/Y, UpperLeftX/Y).
/// </summary>
public readonly record struct DisplayGeometry(int Index, int Width, int Height, int X, int Y)
{
    /// <summary>
    /// The displays side by side, left to right with their tops aligned; the first at (0, 0), where Intel's class
    /// description puts the primary display ("the display with the start button").
    /// </summary>
    public static IReadOnlyList<DisplayGeometry> Arrange(SimulatedScreenOptions options)
    {
        var displays = new DisplayGeometry[options.Displays];
        var x = 0;
        for (var index = 0; index < displays.Length; index++)
        {
            var (width, height) = index == 0 ? (options.Width, options.Height) : (options.ExtraWidth, options.ExtraHeight);
            displays[index] = new DisplayGeometry(index, width, height, x, 0);
            x += width;
        }

        return displays;
    }
}
