using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport;
using SharpAmt.Transport.Net;
using SharpAmt.Transport.Tls;

namespace SharpAmt.Tests;

/// <summary>
/// Loopback addresses for tests: each test takes its own, so tests never share a simulated device's port and
/// can run in parallel. Addresses start at 127.0.10.1, clear of the 127.0.0.x range the demo fleet uses.
/// </summary>
internal static class TestDevices
{
    private static int _next;

    public static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        return new IPAddress(new byte[] { 127, 0, (byte)(10 + index / 250), (byte)(1 + index % 250) });
    }

    public static async Task<SimulatedDevice> StartAsync(FirmwareProfile? firmware = null, Func<SimulatedDeviceOptions, SimulatedDeviceOptions>? configure = null)
    {
        var options = new SimulatedDeviceOptions
        {
            Address = NextAddress(),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
        };
        var device = new SimulatedDevice(configure?.Invoke(options) ?? options);
        await device.StartAsync();
        return device;
    }

    public static AmtDevice Connect(SimulatedDevice device, string? password = null, bool tls = false, IDeviceTrustStore? store = null, TimeSpan? timeout = null) =>
        new(new AmtConnectionOptions
        {
            Host = device.Address.ToString(),
            UseTls = tls,
            Credentials = new AmtCredentials(device.Options.User, password ?? device.Options.Password),
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            Retry = RetryPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(20) },
            TrustStore = store,
        });
}
