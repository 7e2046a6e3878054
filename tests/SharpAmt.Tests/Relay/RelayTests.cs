using System.Diagnostics;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport;
using SharpAmt.Transport.Net;
using SharpAmt.Transport.Tls;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Tests.Relay;

/// <summary>AmtDevice through a real OpenSSH jump host: every connection of the device goes through the relay.</summary>
public sealed class RelayTests(RelayFixture fixture) : IClassFixture<RelayFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static AmtConnectionOptions Options(SimulatedDevice simulated, IConnectionDialer dialer, bool tls = false, IDeviceTrustStore? store = null) => new()
    {
        Host = simulated.Address.ToString(),
        UseTls = tls,
        Credentials = new AmtCredentials(simulated.Options.User, simulated.Options.Password),
        Timeout = TimeSpan.FromSeconds(10),
        Retry = RetryPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(20) },
        Dialer = dialer,
        TrustStore = store,
    };

    [Fact]
    public async Task Info_and_power_work_through_the_relay()
    {
        await using var simulated = await RelayFixture.StartDeviceAsync(FirmwareProfiles.Amt12);
        await using var relay = fixture.Relay();
        var counting = new CountingDialer(relay);
        await using var device = new AmtDevice(Options(simulated, counting));

        var info = await device.GetInfoAsync(Ct);
        var result = await device.PowerAsync(PowerAction.Off, Ct);

        Assert.Equal("12.0.67.1579", info.Version!.ToString());
        Assert.Equal(simulated.Identity.Uuid, info.Uuid);
        Assert.True(result.Requested);
        Assert.Equal(CimPowerState.Off, simulated.Host.PowerState);
        Assert.True(counting.Connections >= 1);
        Assert.Equal(1, relay.SessionsStarted);
        Assert.True(await fixture.Server.ForwardedAsync(simulated.Address, 16992, Ct), fixture.Server.Log);
    }

    [Fact]
    public async Task Eoi_devices_are_reached_through_the_relay_too()
    {
        await using var simulated = await RelayFixture.StartDeviceAsync(FirmwareProfiles.Find("5.2")!);
        await using var relay = fixture.Relay();
        var counting = new CountingDialer(relay);
        await using var device = new AmtDevice(Options(simulated, counting));

        var info = await device.GetInfoAsync(Ct);
        var result = await device.BootAsync(new BootRequest(BootTarget.Pxe, PowerAction.Reset), Ct);
        var network = await device.GetNetworkSettingsAsync(Ct);

        Assert.Equal(ManagementProtocol.Eoi, info.Protocol);
        Assert.Equal("5.2.70", info.Version!.ToString());
        Assert.True(result.Requested);
        await simulated.Host.WhenSettled;
        Assert.Equal(Simulator.Host.BootDevice.Pxe, simulated.Host.LastBoot?.Device);
        Assert.Equal(simulated.Identity.MacAddressText, network.MacAddress);
        Assert.True(counting.Connections >= 1);
        Assert.True(await fixture.Server.ForwardedAsync(simulated.Address, 16992, Ct), fixture.Server.Log);
    }

    [Fact]
    public async Task Tls_through_the_relay_pins_the_device_certificate_under_the_device_name()
    {
        await using var simulated = await RelayFixture.StartDeviceAsync(FirmwareProfiles.Amt16);
        await using var relay = fixture.Relay();
        var store = new InMemoryTrustStore();
        var pinned = new List<(string Endpoint, string Fingerprint)>();
        await using var device = new AmtDevice(Options(simulated, relay, tls: true, store) with
        {
            OnCertificatePinned = (endpoint, fingerprint) => pinned.Add((endpoint, fingerprint)),
        });

        var status = await device.GetPowerStatusAsync(Ct);

        Assert.Equal(AmtPowerState.On, status.State);
        var endpoint = $"{simulated.Address}:16993";
        var fingerprint = CertificateFingerprint.Sha256(simulated.TlsCertificate);
        Assert.Equal([(endpoint, fingerprint)], pinned);
        Assert.Equal(fingerprint, store.FindPin(endpoint));
        Assert.True(await fixture.Server.ForwardedAsync(simulated.Address, 16993, Ct), fixture.Server.Log);
    }

    [Fact]
    public async Task Devices_sharing_a_relay_share_its_ssh_session()
    {
        await using var first = await RelayFixture.StartDeviceAsync(FirmwareProfiles.Amt12);
        await using var second = await RelayFixture.StartDeviceAsync(FirmwareProfiles.Amt11);
        await using var relay = fixture.Relay();
        await using var a = new AmtDevice(Options(first, relay));
        await using var b = new AmtDevice(Options(second, relay));

        var versions = await Task.WhenAll(a.GetFirmwareVersionAsync(Ct), b.GetFirmwareVersionAsync(Ct));

        Assert.Equal(["12.0.67.1579", "11.8.50.3425"], versions.Select(version => version.ToString()));
        Assert.Equal(1, relay.SessionsStarted);
    }

    [Fact]
    public async Task A_relay_that_refuses_the_key_fails_the_operation_at_once()
    {
        await using var simulated = await RelayFixture.StartDeviceAsync(FirmwareProfiles.Amt12);
        await using var relay = fixture.Relay(fixture.Server.StrangerConfig);
        await using var device = new AmtDevice(Options(simulated, relay));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AmtRelayException>(() => device.GetPowerStatusAsync(Ct));

        Assert.Equal($"ssh relay {fixture.Server.Target}: Permission denied (publickey).", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Equal(0, simulated.RequestCount);
    }

    /// <summary>Counts the connections a device opens, passing each to the relay.</summary>
    private sealed class CountingDialer(IConnectionDialer inner) : IConnectionDialer
    {
        private int _connections;

        public int Connections => Volatile.Read(ref _connections);

        public Task<Stream> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _connections);
            return inner.ConnectAsync(host, port, timeout, cancellationToken);
        }
    }
}
