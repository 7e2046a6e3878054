using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport;
using SharpAmt.Transport.Http.Client;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Eoi.Tests.Support;

/// <summary>Loopback addresses for this project's tests: 127.0.70.1 to 127.0.74.254, one per use.</summary>
internal static class TestAddresses
{
    private const int PerBlock = 254;
    private static int _next;

    public static IPAddress Next()
    {
        var index = Interlocked.Increment(ref _next) - 1;
        if (index >= 5 * PerBlock)
        {
            throw new InvalidOperationException("the EOI tests ran out of their loopback addresses (127.0.70.1–127.0.74.254)");
        }

        return new IPAddress(new byte[] { 127, 0, (byte)(70 + index / PerBlock), (byte)(1 + index % PerBlock) });
    }
}

/// <summary>Simulated devices on their own address, and clients for them.</summary>
internal static class TestDevices
{
    public static async Task<SimulatedDevice> StartAsync(string firmware, CimPowerState power = CimPowerState.On, CancellationToken cancellationToken = default)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = TestAddresses.Next(),
            Firmware = FirmwareProfiles.Find(firmware) ?? throw new ArgumentException($"no firmware {firmware}", nameof(firmware)),
            InitialPowerState = power,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync(cancellationToken);
        return device;
    }

    public static AmtHttpClientOptions Options(SimulatedDevice device, IPAddress? address = null, string? password = null) => new()
    {
        Host = (address ?? device.Address).ToString(),
        Port = device.Options.HttpPort,
        Credentials = new AmtCredentials(device.Options.User, password ?? device.Options.Password),
        Timeout = TimeSpan.FromSeconds(10),
    };

    public static EoiClient Client(SimulatedDevice device, IPAddress? address = null) => new(Options(device, address));
}
