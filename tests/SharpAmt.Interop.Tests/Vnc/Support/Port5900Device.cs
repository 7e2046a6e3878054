using System.Collections.Concurrent;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// A simulated AMT 12 device serving its monitor on port 5900: the port enabled with an RFB password, the picture
/// still (no animation), and a way to grant the user consent each viewer session uses up. Keeps the device's
/// security events, where refused and failed sessions show.
/// </summary>
internal sealed class Port5900Device : IAsyncDisposable
{
    public const string Password = "Vnc!pw12";
    public const int Port = 5900;

    private readonly ConcurrentQueue<string> _events = new();

    private Port5900Device(SimulatedDevice device)
    {
        Device = device;
        device.Changed += (_, change) =>
        {
            if (change.Kind == HostEventKind.Security)
            {
                _events.Enqueue(change.Text);
            }
        };
    }

    public SimulatedDevice Device { get; }

    public string Host => Device.Address.ToString();

    public IReadOnlyList<string> SecurityEvents => _events.ToArray();

    public static async Task<Port5900Device> StartAsync(bool desktop, CancellationToken cancellationToken)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = VncAddresses.Next(),
            Firmware = FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
            Console = HostConsoleOptions.Default with { LinePace = TimeSpan.Zero, GrubTimeout = TimeSpan.Zero },
            Screen = SimulatedScreenOptions.Default with { AnimationRate = 0, GraphicalDesktop = desktop },
        });
        var wrapper = new Port5900Device(device);
        await device.StartAsync(cancellationToken);
        device.Kvm.RfbPassword = Password;
        device.Kvm.Is5900PortEnabled = true;
        if (device.Host.PowerState != CimPowerState.On)
        {
            Assert.Equal(0u, device.Host.RequestPowerChange((int)CimPowerState.On));
        }

        await Eventually.TrueAsync(() => device.Screen.Mode == (desktop ? ScreenMode.Desktop : ScreenMode.Text), $"the monitor never showed {(desktop ? "the desktop" : "text mode")}", cancellationToken);
        return wrapper;
    }

    /// <summary>The user at the machine reads the displayed code to the operator: consent for one session.</summary>
    public void GrantConsent()
    {
        Assert.Equal(0u, Device.Consent.Start());
        Assert.Equal(0u, Device.Consent.SendCode(Device.Consent.DisplayedCode!));
    }

    /// <summary>The monitor's picture now.</summary>
    public RgbImage Picture()
    {
        var pixels = new uint[Device.Screen.Size.Pixels * 2];
        Device.Screen.CopyTo(pixels, out var size);
        return new RgbImage(size.Width, size.Height, pixels[..size.Pixels]);
    }

    public RfbScreenSize Size => Device.Screen.Size;

    public ValueTask DisposeAsync() => Device.DisposeAsync();
}
