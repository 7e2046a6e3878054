using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// Simulated devices for the amt net tests, on 127.0.81.1–254 only: every address a device starts on or is
/// moved to comes from here, so a move never lands on another test's device.
/// </summary>
internal static class NetTestDevices
{
    private static int _next;

    public static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        if (index > 254)
        {
            throw new InvalidOperationException("the amt net tests ran out of addresses in 127.0.81.1-254");
        }

        return new IPAddress(new byte[] { 127, 0, 81, (byte)index });
    }

    public static async Task<SimulatedDevice> StartAsync(string firmware = "12.0.67", bool isStatic = false)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = NextAddress(),
            Firmware = FirmwareProfiles.Find(firmware)!,
            Password = CliHarness.Password,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        if (isStatic)
        {
            device.Wired.DhcpEnabled = false;
            device.Wired.StaticAddress = device.Options.Address;
            device.Wired.SubnetMask = IPAddress.Parse("255.255.255.0");
            device.Wired.DefaultGateway = IPAddress.Any;
        }

        await device.StartAsync(TestContext.Current.CancellationToken);
        return device;
    }

    /// <summary>Completes when the device reports that it moved to <paramref name="target"/> and closed its old listeners.</summary>
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

    /// <summary>The settings events (one per applied Put or move) a device raises from now on.</summary>
    public static Func<IReadOnlyList<string>> RecordSettings(SimulatedDevice device)
    {
        var events = new List<string>();
        device.Changed += (_, change) =>
        {
            if (change.Kind == HostEventKind.Settings)
            {
                lock (events)
                {
                    events.Add(change.Text);
                }
            }
        };
        return () =>
        {
            lock (events)
            {
                return [.. events];
            }
        };
    }

    /// <summary>Everything amt net can change on the device, as one comparable line.</summary>
    public static string State(SimulatedDevice device)
    {
        lock (device.Sync)
        {
            var general = device.General;
            var wired = device.Wired;
            return $"{general.HostName} {general.DomainName} {general.SharedFqdn} {general.DynamicDnsUpdateEnabled} {general.PingResponseEnabled} {general.RmcpPingResponseEnabled} "
                + $"{wired.DhcpEnabled} {wired.StaticAddress} {wired.SubnetMask} {wired.DefaultGateway} {wired.PrimaryDns} {wired.SecondaryDns} "
                + $"{wired.SharedMac} {wired.SharedStaticIp} {wired.LinkPolicy} {wired.IpSyncEnabled} {wired.VlanTag} ipv6 {device.Ipv6.Enabled} at {device.Address}";
        }
    }
}
