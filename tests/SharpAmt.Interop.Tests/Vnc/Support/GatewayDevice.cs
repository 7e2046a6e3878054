using System.Net;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// A simulated AMT 12 device for the KVM gateway to open: the redirection listener on, user consent required (each
/// KVM session needs the code off the screen), the picture still (no animation), booted to the desktop or to text
/// mode. Keeps the security events, where each KVM session's start shows.
/// </summary>
internal sealed class GatewayDevice : IAsyncDisposable
{
    private readonly List<string> _events = [];

    private GatewayDevice(SimulatedDevice device)
    {
        Device = device;
        device.Changed += (_, change) =>
        {
            if (change.Kind == HostEventKind.Security)
            {
                lock (_events)
                {
                    _events.Add(change.Text);
                }
            }
        };
    }

    public SimulatedDevice Device { get; }

    public string Host => Device.Address.ToString();

    public RfbScreenSize Size => Device.Screen.Size;

    /// <summary>KVM sessions the device has started so far.</summary>
    public int KvmSessionsStarted
    {
        get
        {
            lock (_events)
            {
                return _events.Count(e => e.Contains("KVM session started", StringComparison.Ordinal));
            }
        }
    }

    public static Task<GatewayDevice> StartAsync(SimulatedScreenOptions screen, CancellationToken cancellationToken) =>
        StartAsync(screen, GatewayAddresses.Next(), cancellationToken);

    public static async Task<GatewayDevice> StartAsync(SimulatedScreenOptions screen, IPAddress address, CancellationToken cancellationToken)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = address,
            Firmware = FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
            Console = HostConsoleOptions.Default with { LinePace = TimeSpan.Zero, GrubTimeout = TimeSpan.Zero },
            Screen = screen with { AnimationRate = 0 },
        });
        var wrapper = new GatewayDevice(device);
        try
        {
            device.Redirection.ListenerEnabled = true;
            await device.StartAsync(cancellationToken);
            if (device.Host.PowerState != CimPowerState.On)
            {
                Xunit.Assert.Equal(0u, device.Host.RequestPowerChange((int)CimPowerState.On));
            }

            await wrapper.WaitForModeAsync(screen.GraphicalDesktop ? ScreenMode.Desktop : ScreenMode.Text, cancellationToken);
            return wrapper;
        }
        catch
        {
            await device.DisposeAsync();
            throw;
        }
    }

    public Task WaitForModeAsync(ScreenMode mode, CancellationToken cancellationToken) =>
        Eventually.TrueAsync(() => Device.Screen.Mode == mode, $"the monitor never showed {mode}", cancellationToken);

    /// <summary>The monitor's picture now.</summary>
    public RgbImage Picture()
    {
        var pixels = new uint[Device.Screen.Size.Pixels * 2];
        Device.Screen.CopyTo(pixels, out var size);
        return new RgbImage(size.Width, size.Height, pixels[..size.Pixels]);
    }

    /// <summary>The monitor's picture as it leaves the device's KVM session in <paramref name="deviceLeg"/>: what any viewer of the gateway can show at best.</summary>
    public RgbImage Picture(RfbPixelFormat deviceLeg) => Picture().Select(deviceLeg.Quantize);

    public ValueTask DisposeAsync() => Device.DisposeAsync();
}
