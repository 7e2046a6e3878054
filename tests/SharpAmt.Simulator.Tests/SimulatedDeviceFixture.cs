using System.Net;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport;
using SharpAmt.Transport.Http.Client;
using SharpAmt.WsMan.Client;
using Xunit;

namespace SharpAmt.Simulator.Tests;

/// <summary>One AMT 12 device (the generation the recordings come from), shared by a test class.</summary>
public sealed class SimulatedDeviceFixture : IAsyncLifetime
{
    public SimulatedDevice Device { get; private set; } = null!;

    public WsManClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = TestAddresses.Next(),
            Firmware = FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await Device.StartAsync();
        Client = ClientFor(Device);
    }

    public static WsManClient ClientFor(SimulatedDevice device) => new(new AmtHttpClientOptions
    {
        Host = device.Address.ToString(),
        Port = device.Firmware.TlsOnly ? device.Options.TlsPort : device.Options.HttpPort,
        UseTls = device.Firmware.TlsOnly,
        Credentials = new AmtCredentials(device.Options.User, device.Options.Password),
        Timeout = TimeSpan.FromSeconds(10),
    });

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Device.DisposeAsync();
    }
}

/// <summary>Loopback addresses for this project's tests: 127.0.30.x and up, one per device.</summary>
internal static class TestAddresses
{
    private static int _next;

    public static IPAddress Next()
    {
        var index = Interlocked.Increment(ref _next);
        return new IPAddress(new byte[] { 127, 0, (byte)(30 + index / 250), (byte)(1 + index % 250) });
    }
}
