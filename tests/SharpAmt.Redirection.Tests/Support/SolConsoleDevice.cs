using System.Net;
using SharpAmt.Redirection.Session;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Transport;
using SharpAmt.Transport.Tls;

namespace SharpAmt.Redirection.Tests.Support;

/// <summary>
/// A simulated device whose serial port runs the real simulated console (boot, login, shell) at full speed,
/// on this file group's own addresses: 127.0.110.1 to 127.0.111.254.
/// </summary>
internal sealed class SolConsoleDevice : IAsyncDisposable
{
    private const int PerBlock = 254;
    private static int _next;

    private SolConsoleDevice(SimulatedDevice device)
    {
        Device = device;
    }

    public SimulatedDevice Device { get; }

    public static HostConsoleOptions FullSpeed { get; } = HostConsoleOptions.Default with { LinePace = TimeSpan.Zero, GrubTimeout = TimeSpan.Zero };

    public static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next) - 1;
        if (index >= 2 * PerBlock)
        {
            throw new InvalidOperationException("the SOL console tests ran out of their loopback addresses (127.0.110.1–127.0.111.254)");
        }

        return new IPAddress(new byte[] { 127, 0, (byte)(110 + index / PerBlock), (byte)(1 + index % PerBlock) });
    }

    public static async Task<SolConsoleDevice> StartAsync(FirmwareProfile? firmware = null, CancellationToken cancellationToken = default)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Console = FullSpeed,
            Address = NextAddress(),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        // TLS-only firmware ships with the listener off (reference 4.3); these tests want it on.
        device.Redirection.ListenerEnabled = true;
        await device.StartAsync(cancellationToken);
        return new SolConsoleDevice(device);
    }

    public RedirectionClientOptions Client(bool tls = false, RedirectionAuthentication authentication = RedirectionAuthentication.Auto) => new()
    {
        Host = Device.Address.ToString(),
        UseTls = tls,
        Credentials = new AmtCredentials(Device.Options.User, Device.Options.Password),
        Authentication = authentication,
        Tls = new TlsClientOptions { Mode = TlsTrustMode.PinOnFirstUse, Store = new InMemoryTrustStore() },
        ReplyTimeout = TimeSpan.FromSeconds(10),
        ConnectTimeout = TimeSpan.FromSeconds(2),
    };

    public ValueTask DisposeAsync() => Device.DisposeAsync();
}
