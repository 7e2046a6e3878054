namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>Reads and drives an X display the way a person at it would: what it shows, and the keyboard and mouse.</summary>
internal static class XScreen
{
    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(15);

    /// <summary>The whole screen, exactly (xwd of the root window).</summary>
    public static async Task<RgbImage> CaptureAsync(XvfbDisplay display, CancellationToken cancellationToken)
    {
        var result = await ExternalProgram.RunAsync(VncTools.Require(VncTools.Xwd), ["-root", "-silent", "-display", display.Name], CommandLimit, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"xwd failed ({result.ExitCode}): {result.Errors}");
        }

        return XwdImage.Read(result.Output);
    }

    /// <summary>Types <paramref name="text"/> into whatever has the focus (with no window manager, the window under the pointer).</summary>
    public static Task TypeAsync(XvfbDisplay display, string text, CancellationToken cancellationToken) =>
        XdoToolAsync(display, ["type", "--delay", "30", "--", text], cancellationToken);

    /// <summary>Presses and releases keys named as X keysyms ("Return", "ctrl+alt+Delete").</summary>
    public static Task KeyAsync(XvfbDisplay display, string key, CancellationToken cancellationToken) =>
        XdoToolAsync(display, ["key", "--", key], cancellationToken);

    /// <summary>
    /// Puts the pointer at (<paramref name="x"/>, <paramref name="y"/>). xdotool's absolute move warps the pointer, which
    /// TigerVNC's full-screen window does not hear about; so it warps next to the spot and moves the last pixel with
    /// XTEST, which every client hears.
    /// </summary>
    public static Task MoveMouseAsync(XvfbDisplay display, int x, int y, CancellationToken cancellationToken) =>
        XdoToolAsync(display, ["mousemove", Number(x - 1), Number(y - 1), "mousemove_relative", "--", "1", "1"], cancellationToken);

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task XdoToolAsync(XvfbDisplay display, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ExternalProgram.RunAsync(VncTools.Require(VncTools.XdoTool), arguments, CommandLimit, cancellationToken, display.Environment);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"xdotool {string.Join(' ', arguments)} failed ({result.ExitCode}): {result.Text()}");
        }
    }
}
