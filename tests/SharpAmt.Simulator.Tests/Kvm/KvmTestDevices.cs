using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Session;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Transport;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Simulator.Tests.Kvm;

/// <summary>
/// What the KVM tests share: simulated devices to view (unpaced console, still picture, redirection listener on) and
/// the two ways a viewer reaches their monitor, the redirection port and port 5900. Every wait is bounded.
/// </summary>
internal static class KvmTestDevices
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <param name="time">The device's clock; the system's when null.</param>
    public static async Task<SimulatedDevice> StartAsync(IPAddress address, FirmwareProfile? firmware = null, SimulatedScreenOptions? screen = null, TimeProvider? time = null)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = address,
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
            Console = HostConsoleOptions.Default with { LinePace = TimeSpan.Zero, GrubTimeout = TimeSpan.Zero },
            Screen = screen ?? SimulatedScreenOptions.Default with { AnimationRate = 0 },
            Time = time ?? TimeProvider.System,
        });
        device.Redirection.ListenerEnabled = true;
        await device.StartAsync(Token);
        return device;
    }

    public static async Task BootToDesktopAsync(SimulatedDevice device)
    {
        if (device.Host.PowerState != CimPowerState.On)
        {
            Assert.Equal(0u, device.Host.RequestPowerChange((int)CimPowerState.On));
        }

        await EventuallyAsync(() => device.Screen.Mode == ScreenMode.Desktop, "the monitor never showed the desktop");
    }

    /// <summary>The KVM client's options for the device's redirection port, with its account.</summary>
    public static RedirectionClientOptions Client(SimulatedDevice device) => new()
    {
        Host = device.Address.ToString(),
        Credentials = new AmtCredentials(device.Options.User, device.Options.Password),
        ReplyTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>A session over port 5900 with VNC authentication, as a plain VNC viewer has it.</summary>
    public static async Task<KvmSession> Open5900Async(SimulatedDevice device, string password)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(device.Address, 5900), Token);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return await KvmSession.OpenAsync(new NetworkStream(socket, ownsSocket: true), $"{device.Address}:5900",
            new KvmSessionOptions { VncPassword = password, ReplyTimeout = TimeSpan.FromSeconds(10) }, Token);
    }

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
