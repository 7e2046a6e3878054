using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// Simulated devices for the CLI tests, each on its own loopback address from 127.0.20.1 up to 127.0.20.199
/// (127.0.20.200 and above belong to the amt sim test), so tests can run in parallel.
/// </summary>
internal static class TestDevices
{
    private static int _next;

    public static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        if (index >= 200)
        {
            throw new InvalidOperationException("the CLI tests ran out of addresses in 127.0.20.1-199");
        }

        return new IPAddress(new byte[] { 127, 0, 20, (byte)index });
    }

    public static async Task<SimulatedDevice> StartAsync(FirmwareProfile? firmware = null, Func<SimulatedDeviceOptions, SimulatedDeviceOptions>? configure = null)
    {
        var options = new SimulatedDeviceOptions
        {
            Address = NextAddress(),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            Password = CliHarness.Password,
            PowerTransitionDelay = TimeSpan.Zero,
        };
        var device = new SimulatedDevice(configure?.Invoke(options) ?? options);
        await device.StartAsync();
        return device;
    }
}
