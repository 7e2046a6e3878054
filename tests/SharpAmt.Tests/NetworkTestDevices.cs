using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host;
using SharpAmt.Transport;
using SharpAmt.Transport.Net;
using Xunit;

namespace SharpAmt.Tests;

/// <summary>
/// Simulated devices for the network tests, on 127.0.80.1–254 only: network changes move devices, and every
/// address a device starts on or moves to comes from here, so no move lands on another test's device.
/// </summary>
internal static class NetworkTestDevices
{
    private static int _next;

    /// <summary>The generations whose network settings go over WS-Management (16.1 over TLS only).</summary>
    public static IReadOnlyList<string> FirmwareVersions { get; } = ["12.0.67", "8.1.71", "6.2.61", "16.1.25"];

    public static TheoryData<string> Firmware => [.. FirmwareVersions];

    public static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        if (index > 254)
        {
            throw new InvalidOperationException("the network tests ran out of addresses in 127.0.80.1-254");
        }

        return new IPAddress(new byte[] { 127, 0, 80, (byte)index });
    }

    public static async Task<SimulatedDevice> StartAsync(string firmware = "12.0.67", Func<SimulatedDeviceOptions, SimulatedDeviceOptions>? configure = null)
    {
        var options = new SimulatedDeviceOptions
        {
            Address = NextAddress(),
            Firmware = FirmwareProfiles.Find(firmware) ?? throw new ArgumentException($"no firmware {firmware}", nameof(firmware)),
            PowerTransitionDelay = TimeSpan.Zero,
        };
        var device = new SimulatedDevice(configure?.Invoke(options) ?? options);
        await device.StartAsync(TestContext.Current.CancellationToken);
        return device;
    }

    /// <summary>
    /// A device whose ME has the static address it listens on (a /24 without a gateway), as if configured so in
    /// MEBx: static and reached at its own address.
    /// </summary>
    public static async Task<SimulatedDevice> StartStaticAsync(string firmware = "12.0.67")
    {
        var device = await StartAsync(firmware);
        lock (device.Sync)
        {
            device.Wired.DhcpEnabled = false;
            device.Wired.StaticAddress = device.Address;
            device.Wired.SubnetMask = IPAddress.Parse("255.255.255.0");
            device.Wired.DefaultGateway = IPAddress.Any;
        }

        return device;
    }

    /// <summary>An AmtDevice for <paramref name="device"/> at <paramref name="address"/> (default: where it listens now), over TLS when the firmware needs it.</summary>
    public static AmtDevice Connect(SimulatedDevice device, IPAddress? address = null, TimeSpan? timeout = null) =>
        new(new AmtConnectionOptions
        {
            Host = (address ?? device.Address).ToString(),
            UseTls = device.Firmware.TlsOnly,
            Credentials = new AmtCredentials(device.Options.User, device.Options.Password),
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            Retry = RetryPolicy.Default with { InitialDelay = TimeSpan.FromMilliseconds(20) },
        });

    /// <summary>Completes when the simulated device reports that it moved to <paramref name="target"/> (its old listeners are closed by then).</summary>
    public static Task WhenMovedAsync(SimulatedDevice device, IPAddress target)
    {
        var moved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        device.Changed += (_, change) =>
        {
            if (change.Kind == HostEventKind.Settings && change.Text.StartsWith("moved from ", StringComparison.Ordinal) && change.Text.EndsWith($" to {target}", StringComparison.Ordinal))
            {
                moved.TrySetResult();
            }
        };
        return moved.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }
}

/// <summary>
/// What a simulated device's network state is, and what happened to it: the settings events every applied Put
/// raises, and the number of HTTP requests it served.
/// </summary>
internal sealed class NetworkObserver
{
    private readonly SimulatedDevice _device;
    private readonly List<string> _settings = [];

    public NetworkObserver(SimulatedDevice device)
    {
        _device = device;
        device.Changed += (_, change) =>
        {
            if (change.Kind == HostEventKind.Settings)
            {
                lock (_settings)
                {
                    _settings.Add(change.Text);
                }
            }
        };
    }

    /// <summary>One text event per applied Put (general settings or wired interface), and per move.</summary>
    public IReadOnlyList<string> SettingsEvents
    {
        get
        {
            lock (_settings)
            {
                return [.. _settings];
            }
        }
    }

    /// <summary>Every value the network commands can change, as one comparable string.</summary>
    public string State
    {
        get
        {
            lock (_device.Sync)
            {
                var general = _device.General;
                var wired = _device.Wired;
                return string.Join(
                    "; ",
                    $"host {general.HostName}",
                    $"domain {general.DomainName}",
                    $"shared fqdn {general.SharedFqdn}",
                    $"ddns {general.DynamicDnsUpdateEnabled}",
                    $"ping {general.PingResponseEnabled}",
                    $"rmcp {general.RmcpPingResponseEnabled}",
                    $"dhcp {wired.DhcpEnabled}",
                    $"address {wired.StaticAddress}",
                    $"mask {wired.SubnetMask}",
                    $"gateway {wired.DefaultGateway}",
                    $"dns {wired.PrimaryDns} {wired.SecondaryDns}",
                    $"shared mac {wired.SharedMac}",
                    $"shared static ip {wired.SharedStaticIp}",
                    $"link policy {wired.LinkPolicy}",
                    $"ip sync {wired.IpSyncEnabled}",
                    $"vlan {wired.VlanTag}",
                    $"listening at {_device.Address}");
            }
        }
    }

    public long Requests => _device.RequestCount;
}
