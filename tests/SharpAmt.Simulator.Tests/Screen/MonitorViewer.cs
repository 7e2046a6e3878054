using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Simulator.Tests.Screen;

/// <summary>
/// A KVM viewer stand-in on a simulated device's monitor: it copies the picture, reads text mode back through
/// <see cref="ScreenText"/> and types keysyms. Every wait is bounded.
/// </summary>
internal sealed class MonitorViewer(SimulatedScreen screen)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public const uint Return = 0xFF0D, BackSpace = 0xFF08, Escape = 0xFF1B, Tab = 0xFF09;
    public const uint Left = 0xFF51, Up = 0xFF52, Right = 0xFF53, Down = 0xFF54;
    public const uint F1 = 0xFFBE, F2 = 0xFFBF, F7 = 0xFFC4, F10 = 0xFFC7, Delete = 0xFFFF;
    public const uint ShiftLeft = 0xFFE1, ControlLeft = 0xFFE3, AltLeft = 0xFFE9;

    public SimulatedScreen Screen => screen;

    public uint[] Pixels { get; private set; } = [];

    public RfbScreenSize Size { get; private set; }

    /// <summary>Copies the picture now; returns its version.</summary>
    public long Capture()
    {
        var size = screen.Size;
        if (Pixels.Length < size.Pixels)
        {
            Pixels = new uint[size.Pixels];
        }

        var version = screen.CopyTo(Pixels, out var copied);
        Size = copied;
        return version;
    }

    public uint Pixel(int x, int y) => Pixels[y * Size.Width + x];

    /// <summary>The text screen as a viewer would read it.</summary>
    public string[] ReadText()
    {
        Capture();
        Assert.Equal(SimulatedScreen.TextModeSize, Size);
        return ScreenText.ReadTextMode(Pixels, Size);
    }

    /// <summary>Waits until <paramref name="text"/> shows on the text screen; returns the screen's rows.</summary>
    public async Task<string[]> WaitForTextAsync(string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (screen.Mode == ScreenMode.Text && ReadText() is var rows && rows.Any(row => row.Contains(text, StringComparison.Ordinal)))
            {
                return rows;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"'{text}' never showed on the monitor ({screen.Mode}); it shows:\n{(screen.Mode == ScreenMode.Text ? string.Join('\n', ReadText()) : "")}");
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    public async Task WaitForModeAsync(ScreenMode mode)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (screen.Mode != mode)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"the monitor stayed {screen.Mode}, never {mode}");
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Presses and releases one key.</summary>
    public void Press(uint keysym)
    {
        screen.Key(keysym, down: true);
        screen.Key(keysym, down: false);
    }

    /// <summary>Types printable ASCII as a viewer sends it: one keysym per character.</summary>
    public void Type(string text)
    {
        foreach (var c in text)
        {
            Press(c);
        }
    }

    /// <summary>Holds <paramref name="modifiers"/> while pressing <paramref name="keysym"/>.</summary>
    public void Chord(uint keysym, params uint[] modifiers)
    {
        foreach (var modifier in modifiers)
        {
            screen.Key(modifier, down: true);
        }

        Press(keysym);
        foreach (var modifier in modifiers.Reverse())
        {
            screen.Key(modifier, down: false);
        }
    }
}

/// <summary>Simulated devices for monitor tests: unpaced console, instant power, not listening.</summary>
internal static class MonitorDevices
{
    public static SimulatedDevice Create(SimulatedScreenOptions? screen = null, HostConsoleOptions? console = null, TimeProvider? time = null, CimPowerState initial = CimPowerState.Off,
        System.Net.IPAddress? address = null) => new(new SimulatedDeviceOptions
    {
        Address = address ?? TestAddresses.Next(),
        HostName = "lab7",
        PowerTransitionDelay = TimeSpan.Zero,
        InitialPowerState = initial,
        Console = console ?? SerialConsole.ConsoleDevices.Unpaced,
        Screen = screen ?? SimulatedScreenOptions.Default,
        Time = time ?? TimeProvider.System,
    });

    /// <summary>A monitor that stays on the tty1 text login once Linux is up.</summary>
    public static SimulatedScreenOptions TextOnly { get; } = new() { GraphicalDesktop = false };
}
