namespace SharpAmt.Simulator.Host.Screen;

/// <summary>A rectangle on the desktop, in pixels.</summary>
public readonly record struct ScreenRegion(int X, int Y, int Width, int Height);

/// <summary>
/// The simulated monitors: the desktop's resolution and look, the animated region rate tests watch, and how many
/// displays the machine has. Text mode is always VGA's 720 × 400, on the first display only.
/// </summary>
public sealed record SimulatedScreenOptions
{
    public const int MinWidth = 640;
    public const int MinHeight = 400;
    public const int MaxWidth = 3840;
    public const int MaxHeight = 2160;
    public const double MaxAnimationRate = 240;

    /// <summary>AMT's KVM selects among three displays at most (DefaultScreen 0 to 2, the third from AMT 10).</summary>
    public const int MaxDisplays = 3;

    public static SimulatedScreenOptions Default { get; } = new();

    /// <summary>The desktop's width in pixels, 640–3840.</summary>
    public int Width { get; init; } = 1920;

    /// <summary>The desktop's height in pixels, 400–2160.</summary>
    public int Height { get; init; } = 1080;

    /// <summary>
    /// Whether the OS starts a display manager once it is up, so the monitor shows the desktop; false leaves the
    /// monitor on the tty1 text login. Ctrl-Alt-F1 and Ctrl-Alt-F7 switch between the two either way.
    /// </summary>
    public bool GraphicalDesktop { get; init; } = true;

    /// <summary>The desktop's background colour at the top, 0x00RRGGBB; it darkens towards the bottom.</summary>
    public uint Background { get; init; } = 0x2A4B6E;

    /// <summary>
    /// Frames per second of the animated region (0 keeps it still). It ticks only while someone waits for the
    /// screen to change or copies it; nobody watching, nothing runs.
    /// </summary>
    public double AnimationRate { get; init; } = 30;

    /// <summary>The region redrawn every frame; null places a quarter-screen rectangle below the top bar. May be the whole screen.</summary>
    public ScreenRegion? AnimatedRegion { get; init; }

    /// <summary>
    /// Displays connected, 1 to <see cref="MaxDisplays"/>: the first shows everything above; the others extend the
    /// desktop to the right (see <see cref="ExtendedDisplayScene"/>). The firmware may allow fewer (AMT before 10: 2).
    /// </summary>
    public int Displays { get; init; } = 1;

    /// <summary>The resolution of the second and third displays.</summary>
    public int ExtraWidth { get; init; } = 1280;

    public int ExtraHeight { get; init; } = 1024;

    /// <summary>Throws when a value is out of range, naming it.</summary>
    public void Validate()
    {
        if (Width is < MinWidth or > MaxWidth || Height is < MinHeight or > MaxHeight)
        {
            throw new ArgumentOutOfRangeException(nameof(Width), $"the desktop must be {MinWidth}x{MinHeight} to {MaxWidth}x{MaxHeight}, not {Width}x{Height}");
        }

        if (Displays is < 1 or > MaxDisplays)
        {
            throw new ArgumentOutOfRangeException(nameof(Displays), $"a machine has 1 to {MaxDisplays} displays, not {Displays}");
        }

        if (ExtraWidth is < MinWidth or > MaxWidth || ExtraHeight is < MinHeight or > MaxHeight)
        {
            throw new ArgumentOutOfRangeException(nameof(ExtraWidth), $"the extra displays must be {MinWidth}x{MinHeight} to {MaxWidth}x{MaxHeight}, not {ExtraWidth}x{ExtraHeight}");
        }

        if (!(AnimationRate is >= 0 and <= MaxAnimationRate))
        {
            throw new ArgumentOutOfRangeException(nameof(AnimationRate), $"the animation rate must be 0 to {MaxAnimationRate} frames per second");
        }

        if (AnimatedRegion is { } region && (region.Width <= 0 || region.Height <= 0 || region.X < 0 || region.Y < 0 || region.X + region.Width > Width || region.Y + region.Height > Height))
        {
            throw new ArgumentOutOfRangeException(nameof(AnimatedRegion), $"the animated region {region} must lie within the {Width}x{Height} desktop");
        }
    }

    /// <summary>Parses "1920x1080" (as <c>amt sim --screen</c> takes it) into a width and height.</summary>
    public static bool TryParseResolution(string text, out int width, out int height)
    {
        width = height = 0;
        var parts = text.Split('x', 'X');
        return parts.Length == 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out width)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out height);
    }
}
