using System.Diagnostics;
using System.Net;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Tests.Kvm;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>Simulated devices for the <c>amt kvm HOST</c> action tests, on 127.0.182.1 to 127.0.184.254 (gateways listen there too).</summary>
internal static class KvmActionDevices
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static int _next;

    public static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next) - 1;
        return index < 3 * 254
            ? new IPAddress(new byte[] { 127, 0, (byte)(182 + (index / 254)), (byte)(1 + (index % 254)) })
            : throw new InvalidOperationException("the amt kvm tests ran out of 127.0.182.1–127.0.184.254");
    }

    /// <summary>A booted device with the redirection listener open; <paramref name="consent"/> false sets the policy to none.</summary>
    /// <param name="time">The device's clock; the system's when null.</param>
    /// <param name="address">Where it listens; <see cref="NextAddress"/> when null.</param>
    /// <param name="firmware">AMT 12 when null.</param>
    public static async Task<SimulatedDevice> StartAsync(SimulatedScreenOptions? screen = null, bool consent = false, TimeProvider? time = null, IPAddress? address = null,
        FirmwareProfile? firmware = null)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = address ?? NextAddress(),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            Password = CliHarness.Password,
            PowerTransitionDelay = TimeSpan.Zero,
            Console = HostConsoleOptions.Default with { LinePace = TimeSpan.Zero, GrubTimeout = TimeSpan.Zero },
            Screen = screen ?? SimulatedScreenOptions.Default with { AnimationRate = 0 },
            Time = time ?? TimeProvider.System,
        });
        device.Redirection.ListenerEnabled = true;
        if (!consent)
        {
            device.Consent.Required = OptIn.RequiredNone;
        }

        await device.StartAsync(TestContext.Current.CancellationToken);
        var graphical = device.Screen.Options.GraphicalDesktop;
        await EventuallyAsync(() => graphical ? device.Screen.Mode == ScreenMode.Desktop : LoginShown(device), "the host never finished booting");
        return device;
    }

    public static async Task EventuallyAsync(Func<bool> condition, string failure)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(elapsed.Elapsed < Patience, failure);
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The monitor's picture now.</summary>
    public static (RfbScreenSize Size, uint[] Pixels) Picture(SimulatedDevice device)
    {
        var pixels = new uint[device.Screen.Size.Pixels];
        device.Screen.CopyTo(pixels, out var size);
        return (size, pixels[..size.Pixels]);
    }

    /// <summary>
    /// The PNG holds the monitor's picture as KVM delivers it in <paramref name="format"/>; on the desktop the clock is
    /// left out, since it may tick between the screenshot and this look at the monitor.
    /// </summary>
    public static void AssertPngShowsTheMonitor(string path, SimulatedDevice device, RfbPixelFormat format)
    {
        var (width, height, png) = PngReader.Read(File.ReadAllBytes(path));
        var (size, pixels) = Picture(device);
        Assert.Equal(size, new RfbScreenSize(width, height));
        var clock = device.Screen.Mode == ScreenMode.Desktop ? device.Screen.DesktopLayout.Clock : new ScreenRegion(0, 0, 0, 0);
        var differences = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var inClock = x >= clock.X && x < clock.X + clock.Width && y >= clock.Y && y < clock.Y + clock.Height;
                if (!inClock && png[(y * width) + x] != format.Quantize(pixels[(y * width) + x]))
                {
                    differences++;
                }
            }
        }

        Assert.Equal(0, differences);
    }

    private static bool LoginShown(SimulatedDevice device)
    {
        var (size, pixels) = Picture(device);
        return size == SimulatedScreen.TextModeSize && ScreenText.ReadTextMode(pixels, size).Any(line => line.Contains("login:", StringComparison.Ordinal));
    }
}

/// <summary>Standard input where the user types the consent code once the host's screen shows it.</summary>
internal sealed class ConsentCodeTyper(SimulatedDevice device) : TextReader
{
    public int LinesRead { get; private set; }

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        LinesRead++;
        var elapsed = Stopwatch.StartNew();
        while (device.Consent.DisplayedCode is null && elapsed.Elapsed < KvmActionDevices.Patience)
        {
            await Task.Delay(20, cancellationToken);
        }

        return device.Consent.DisplayedCode;
    }
}
