using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Host.Screen;

namespace SharpAmt.Tests.Support;

/// <summary>What one display shows, copied as a viewer at the machine would see it.</summary>
public static class DisplayPictures
{
    public static uint[] Copy(DisplayOutput display, out RfbScreenSize size)
    {
        var pixels = new uint[display.Size.Pixels];
        display.CopyTo(pixels, out size);
        return pixels;
    }

    /// <summary>The text in the consent code's place on the desktop.</summary>
    public static string ConsentLine(DisplayOutput display)
    {
        var pixels = Copy(display, out var size);
        var box = display.Layout.Consent;
        return ScreenText.ReadLine(pixels, size.Width, box.X, box.Y, DesktopLayout.ConsentColumns, display.Layout.ConsentScale);
    }
}
