using System.Text;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Sol;
using SharpAmt.Redirection.Tests.Ider.Support;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Transport;
using SharpAmt.Transport.Tls;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Redirection.Tests.Ider.EndToEnd;

/// <summary>A simulated device with its scripted host console, powered off, for IDE-R boots watched over SOL.</summary>
internal sealed class SimulatedIderDevice : IAsyncDisposable
{
    private SimulatedIderDevice(SimulatedDevice device)
    {
        Device = device;
    }

    public SimulatedDevice Device { get; }

    public static async Task<SimulatedIderDevice> StartAsync(FirmwareProfile? firmware = null, CancellationToken cancellationToken = default)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = IderTestAddresses.Next(),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
            InitialPowerState = CimPowerState.Off,
            Console = new HostConsoleOptions { LinePace = TimeSpan.Zero, GrubTimeout = TimeSpan.Zero },
        });
        // TLS-only firmware ships with the listener off (reference 4.3); these tests want it on.
        device.Redirection.ListenerEnabled = true;
        await device.StartAsync(cancellationToken);
        return new SimulatedIderDevice(device);
    }

    public RedirectionClientOptions Client(bool tls = false) => new()
    {
        Host = Device.Address.ToString(),
        UseTls = tls,
        Credentials = new AmtCredentials(Device.Options.User, Device.Options.Password),
        Tls = new TlsClientOptions { Mode = TlsTrustMode.PinOnFirstUse, Store = new InMemoryTrustStore() },
        ReplyTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Sets the next boot to the IDE-R CD or floppy with SOL redirection, as AMT_BootSettingData does, and powers the host on.</summary>
    public void BootToIder(bool cd)
    {
        lock (Device.Sync)
        {
            Device.Host.Boot.Set([new("UseSOL", "true"), new("UseIDER", "true"), new("IDERBootDevice", cd ? "1" : "0")]);
            Device.Host.Boot.SetSource(null);
            Device.Host.Boot.SetRole(true);
        }

        var result = Device.Host.RequestPowerChange((int)(Device.Host.PowerState == CimPowerState.On ? CimPowerState.Reset : CimPowerState.On));
        Assert.Equal(0u, result);
    }

    public async ValueTask DisposeAsync() => await Device.DisposeAsync();
}

internal static class Console
{
    /// <summary>Reads the SOL console until <paramref name="expected"/> shows, at most 20 s; returns all that was read.</summary>
    public static async Task<string> ReadUntilAsync(SolSession session, string expected, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(20));
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (!text.ToString().Contains(expected, StringComparison.Ordinal))
        {
            int read;
            try
            {
                read = await session.ReadAsync(buffer, limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new Xunit.Sdk.XunitException($"'{expected}' did not show on the console within 20 s; it showed:\n{text}");
            }

            Assert.True(read > 0, $"the SOL session ended before '{expected}' showed; got '{text}'");
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
