using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Testing;
using Xunit;

namespace SharpAmt.Cli.Tests.Relay;

/// <summary>
/// A real sshd on 127.0.60.100 and simulated devices on 127.0.60.101-199, the part of 127.0.60.x the CLI
/// relay tests use.
/// </summary>
public sealed class CliRelayFixture : IAsyncLifetime
{
    private static int _next = 100;
    private OpenSshServer? _server;

    public OpenSshServer Server
    {
        get
        {
            Assert.SkipWhen(OpenSshServer.MissingReason is not null, $"no OpenSSH here: {OpenSshServer.MissingReason}");
            return _server!;
        }
    }

    public static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        return index <= 199
            ? new IPAddress([127, 0, 60, (byte)index])
            : throw new InvalidOperationException("the CLI relay tests ran out of addresses in 127.0.60.101-199");
    }

    public static async Task<SimulatedDevice> StartDeviceAsync(FirmwareProfile? firmware = null)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = NextAddress(),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            Password = CliHarness.Password,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync();
        return device;
    }

    /// <summary>A harness whose ssh uses the fixture's client configuration, as AMT_SSH_CONFIG tells it.</summary>
    internal CliHarness Harness(string? sshConfig = null)
    {
        var harness = new CliHarness();
        harness.Variables["AMT_SSH_CONFIG"] = sshConfig ?? Server.ClientConfig;
        return harness;
    }

    public async ValueTask InitializeAsync()
    {
        if (OpenSshServer.MissingReason is null)
        {
            _server = await OpenSshServer.StartAsync(IPAddress.Parse("127.0.60.100"), CancellationToken.None);
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
