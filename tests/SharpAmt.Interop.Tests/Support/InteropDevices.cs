using System.Net;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Interop.Tests.Support;

/// <summary>Loopback addresses for the interoperability tests: 127.0.75.1 to 127.0.78.254, one per use.</summary>
internal static class InteropAddresses
{
    private const int PerBlock = 254;
    private static int _next;

    public static IPAddress Next()
    {
        var index = Interlocked.Increment(ref _next) - 1;
        if (index >= 4 * PerBlock)
        {
            throw new InvalidOperationException("the interop tests ran out of their loopback addresses (127.0.75.1–127.0.78.254)");
        }

        return new IPAddress(new byte[] { 127, 0, (byte)(75 + index / PerBlock), (byte)(1 + index % PerBlock) });
    }
}

internal static class InteropDevices
{
    /// <summary>A simulated device whose power changes show at once, so each command's effect can be read right after it.</summary>
    public static async Task<SimulatedDevice> StartAsync(string firmware, CimPowerState power = CimPowerState.On, CancellationToken cancellationToken = default)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = InteropAddresses.Next(),
            Firmware = FirmwareProfiles.Find(firmware) ?? throw new ArgumentException($"no firmware {firmware}", nameof(firmware)),
            InitialPowerState = power,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync(cancellationToken);
        return device;
    }

    public static Task<AmttoolResult> AmttoolAsync(SimulatedDevice device, string command, string? argument = null, string? input = null, CancellationToken cancellationToken = default) =>
        Amttool.RunAsync(device.Options.Password, argument is null ? [device.Address.ToString(), command] : [device.Address.ToString(), command, argument], input, cancellationToken);

    public static string Fqdn(SimulatedDevice device) => $"{device.General.HostName}.{device.General.DomainName}";
}
