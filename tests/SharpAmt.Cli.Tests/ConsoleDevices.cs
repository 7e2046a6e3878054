using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Tests.Support;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// Simulated devices for the amt console and SOL terminal tests, on 127.0.112.1 to 127.0.113.254: the host's
/// real console at full speed, or an echo in its place.
/// </summary>
internal static class ConsoleDevices
{
    private const int PerBlock = 254;
    private static int _next;

    public static HostConsoleOptions FullSpeed { get; } = HostConsoleOptions.Default with { LinePace = TimeSpan.Zero, GrubTimeout = TimeSpan.Zero };

    public static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next) - 1;
        if (index >= 2 * PerBlock)
        {
            throw new InvalidOperationException("the console tests ran out of their loopback addresses (127.0.112.1–127.0.113.254)");
        }

        return new IPAddress(new byte[] { 127, 0, (byte)(112 + index / PerBlock), (byte)(1 + index % PerBlock) });
    }

    public static async Task<SimulatedDevice> StartAsync(FirmwareProfile? firmware = null, bool echo = false, CimPowerState power = CimPowerState.On)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Console = echo ? SerialEcho.HostConsoleOff : FullSpeed,
            Address = NextAddress(),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            Password = CliHarness.Password,
            PowerTransitionDelay = TimeSpan.Zero,
            InitialPowerState = power,
        });
        device.Redirection.ListenerEnabled = true;
        await device.StartAsync();
        return device;
    }

    /// <summary>Waits, bounded, for something another task or process makes true.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string failure)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25, Xunit.TestContext.Current.CancellationToken);
        }

        Xunit.Assert.True(condition(), failure);
    }
}
