using System.Text;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Sol;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Tests.Support;
using SharpAmt.Transport;
using SharpAmt.Transport.Tls;
using Xunit;

namespace SharpAmt.Redirection.Tests.Support;

/// <summary>A simulated device with an echo on its serial port, and clients for it.</summary>
internal sealed class SolDevice : IAsyncDisposable
{
    private SolDevice(SimulatedDevice device)
    {
        Device = device;
        Echo = new SerialEcho(device.SerialPort);
    }

    public SimulatedDevice Device { get; }

    public SerialEcho Echo { get; }

    public static async Task<SolDevice> StartAsync(FirmwareProfile? firmware = null, CancellationToken cancellationToken = default)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Console = SerialEcho.HostConsoleOff,
            Address = TestAddresses.Next(),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        // TLS-only firmware ships with the listener off (reference 4.3); these tests want it on.
        device.Redirection.ListenerEnabled = true;
        await device.StartAsync(cancellationToken);
        return new SolDevice(device);
    }

    public RedirectionClientOptions Client(bool tls = false, string? password = null, RedirectionAuthentication authentication = RedirectionAuthentication.Auto) => new()
    {
        Host = Device.Address.ToString(),
        UseTls = tls,
        Credentials = new AmtCredentials(Device.Options.User, password ?? Device.Options.Password),
        Authentication = authentication,
        Tls = new TlsClientOptions { Mode = TlsTrustMode.PinOnFirstUse, Store = new InMemoryTrustStore() },
        ReplyTimeout = TimeSpan.FromSeconds(10),
    };

    public async ValueTask DisposeAsync()
    {
        await Device.DisposeAsync();
        await Echo.DisposeAsync();
    }
}

internal static class SolAssert
{
    /// <summary>Reads until <paramref name="expected"/> has been seen, at most 10 s; returns all that was read.</summary>
    public static async Task<string> ReadUntilAsync(SolSession session, string expected, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(10));
        var text = new StringBuilder();
        var buffer = new byte[256];
        while (!text.ToString().Contains(expected, StringComparison.Ordinal))
        {
            var read = await session.ReadAsync(buffer, limit.Token);
            Assert.True(read > 0, $"the session ended before '{expected}' arrived; got '{text}'");
            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }

    /// <summary>Waits (bounded) for a condition that another task makes true.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25, cancellationToken);
        }

        Assert.True(condition(), what);
    }
}
