using System.Diagnostics;
using System.Net;
using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Ider.Client.Media;
using SharpAmt.Redirection.Session;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Simulator.Tests.Consent;

/// <summary>Simulated devices for the redirection consent tests, on 127.0.213.1–100 only, listening on the redirection port.</summary>
internal static class ConsentDevices
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private static int _next;

    public static CancellationToken Token => TestContext.Current.CancellationToken;

    public static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        return index <= 100
            ? new IPAddress(new byte[] { 127, 0, 213, (byte)index })
            : throw new InvalidOperationException("the consent tests ran out of addresses in 127.0.213.1-100");
    }

    public static async Task<SimulatedDevice> StartAsync(FirmwareProfile? firmware = null, ControlMode mode = ControlMode.Admin, TimeProvider? time = null)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = NextAddress(),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            ControlMode = mode,
            PowerTransitionDelay = TimeSpan.Zero,
            Time = time ?? TimeProvider.System,
        });
        device.Redirection.ListenerEnabled = true;
        await device.StartAsync(Token);
        return device;
    }

    public static RedirectionClientOptions Client(SimulatedDevice device) => new()
    {
        Host = device.Address.ToString(),
        Credentials = new AmtCredentials(device.Options.User, device.Options.Password),
        ReplyTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Someone at the machine reads the code and it is typed back.</summary>
    public static void Grant(SimulatedDevice device)
    {
        Assert.Equal(0u, device.Consent.Start());
        Assert.Equal(0u, device.Consent.SendCode(device.Consent.DisplayedCode!));
    }

    /// <summary>An IDE-R session serving a small blank CD.</summary>
    public static Task<IderSession> OpenIderAsync(SimulatedDevice device) =>
        IderSession.OpenAsync(Client(device), new IderSessionOptions { Cdrom = new IderMemoryImage(new byte[16 * 2048]) }, Token);

    /// <summary>Waits, bounded, for what the device's side of a closed session does after the client has gone.</summary>
    public static async Task EventuallyAsync(Func<bool> condition, string failure)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(elapsed.Elapsed < Patience, failure);
            await Task.Delay(20, Token);
        }
    }
}
