using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Testing;
using SharpAmt.Transport.Relay;
using Xunit;

namespace SharpAmt.Tests.Relay;

/// <summary>
/// A real sshd on 127.0.60.60 and simulated devices on 127.0.60.61-99, the part of 127.0.60.x this project
/// uses for its relay tests.
/// </summary>
public sealed class RelayFixture : IAsyncLifetime
{
    private static int _nextDevice = 60;
    private OpenSshServer? _server;

    public OpenSshServer Server
    {
        get
        {
            Assert.SkipWhen(OpenSshServer.MissingReason is not null, $"no OpenSSH here: {OpenSshServer.MissingReason}");
            return _server!;
        }
    }

    public SshRelay Relay(string? config = null) =>
        new(SshRelayTarget.Parse(Server.Target), new SshRelayOptions { ConfigFile = config ?? Server.ClientConfig });

    public static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _nextDevice);
        return index <= 99
            ? new IPAddress([127, 0, 60, (byte)index])
            : throw new InvalidOperationException("the relay tests ran out of addresses in 127.0.60.61-99");
    }

    public static async Task<SimulatedDevice> StartDeviceAsync(FirmwareProfile firmware)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions { Address = NextAddress(), Firmware = firmware, PowerTransitionDelay = TimeSpan.Zero });
        await device.StartAsync();
        return device;
    }

    public async ValueTask InitializeAsync()
    {
        if (OpenSshServer.MissingReason is null)
        {
            _server = await OpenSshServer.StartAsync(IPAddress.Parse("127.0.60.60"), CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
