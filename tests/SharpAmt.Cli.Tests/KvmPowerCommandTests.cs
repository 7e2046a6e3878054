using System.Net.Sockets;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Host;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.WsMan.Amt;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// What an administrator does to get into a machine's BIOS: <c>amt kvm HOST --listen</c> (one consent code), a VNC
/// viewer on it, then <c>amt power HOST reset --boot bios</c> from another shell; the viewer stays connected and shows
/// BIOS setup, and the power command asks for no second code while the KVM session holds the consent.
/// </summary>
public sealed class KvmPowerCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reset_to_bios_shows_bios_setup_in_the_gateway_viewer_with_the_one_consent_code()
    {
        await using var device = await KvmActionDevices.StartAsync(consent: true);
        device.Consent.Required = OptIn.RequiredAll;
        using var gatewayCli = new CliHarness { InputReader = new ConsentCodeTyper(device) };
        using var gateway = await KvmGatewayRun.StartAsync(gatewayCli, [device.Address.ToString(), "--listen", $"{KvmActionDevices.NextAddress()}:0"]);
        var endpoint = gateway.Endpoint;

        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endpoint, Token);
        await using var viewer = await KvmSession.OpenAsync(new NetworkStream(socket, ownsSocket: false), endpoint.ToString(),
            new KvmSessionOptions { Format = RfbPixelFormat.TrueColour32, Encodings = [16, 0, -223], TileDialect = RfbTileDialect.Zrle }, Token);
        Assert.Equal(OptInState.InSession, device.Consent.State);

        using var powerCli = new CliHarness { Input = "" };
        var power = await powerCli.RunAsync("power", device.Address.ToString(), "reset", "--boot", "bios");

        Assert.Equal(ExitCodes.Success, power.ExitCode);
        Assert.DoesNotContain("code", power.Error, StringComparison.Ordinal);
        Assert.Equal(BootDevice.BiosSetup, device.Host.LastBoot!.Device);
        await KvmActionDevices.EventuallyAsync(() => TextOf(viewer).Any(line => line.Contains("Aptio Setup Utility", StringComparison.Ordinal)),
            "the viewer never showed BIOS setup");
        Assert.False(viewer.Completion.IsCompleted);

        var stopped = await gateway.StopAsync();
        Assert.Equal(ExitCodes.Success, stopped.ExitCode);
    }

    private static string[] TextOf(KvmSession viewer)
    {
        var snapshot = viewer.Snapshot();
        return snapshot.Size == SimulatedScreen.TextModeSize ? ScreenText.ReadTextMode(snapshot.Pixels, snapshot.Size) : [];
    }
}
