using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;

namespace SharpAmt.Tests.Kvm;

/// <summary>Simulated devices for the KVM tests, on 127.0.160.1–250 only, one address per device.</summary>
internal static class KvmTestDevices
{
    private static int _next;

    public static async Task<SimulatedDevice> StartAsync(FirmwareProfile? firmware = null, Func<SimulatedDeviceOptions, SimulatedDeviceOptions>? configure = null)
    {
        var index = Interlocked.Increment(ref _next);
        if (index > 250)
        {
            throw new InvalidOperationException("the KVM tests ran out of addresses in 127.0.160.1-250");
        }

        var options = new SimulatedDeviceOptions
        {
            Address = new IPAddress(new byte[] { 127, 0, 160, (byte)index }),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
        };
        var device = new SimulatedDevice(configure?.Invoke(options) ?? options);
        await device.StartAsync();
        return device;
    }

    public static AmtDevice Connect(SimulatedDevice device) => TestDevices.Connect(device, tls: device.Firmware.TlsOnly);

    /// <summary>Every settings change the device makes, in order; empty when nothing reached it.</summary>
    public static List<string> RecordChanges(SimulatedDevice device)
    {
        var changes = new List<string>();
        device.Changed += (_, change) =>
        {
            lock (changes)
            {
                changes.Add(change.Text);
            }
        };
        return changes;
    }
}
