using System.Net;
using SharpAmt.Interop.Tests.Vnc.Support;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Host.Screen;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc;

/// <summary>
/// The real <c>amt kvm --listen --vnc-password</c> process refuses TigerVNC given a wrong VNC password and stays up:
/// the next viewer, with the right password, sees the device's desktop exactly, on the same device session. Keeps to
/// <see cref="GatewayExtrasBlock"/>.
/// </summary>
public sealed class TigerVncGatewayPasswordTests(ITestOutputHelper output)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_wrong_vnc_password_is_refused_and_the_gateway_stays_up_for_the_next_viewer()
    {
        await using var device = await GatewayDevice.StartAsync(SimulatedScreenOptions.Default, GatewayExtrasBlock.NextAddress(), Token);
        await using var amt = await AmtKvmGatewayProcess.StartAsync(device, new IPEndPoint(GatewayExtrasBlock.NextAddress(), 5901), Token);

        await using (var display = await XvfbDisplay.StartAsync(device.Size.Width, device.Size.Height, GatewayExtrasBlock.Displays, Token))
        {
            using var wrong = VncPasswordFile.Write("Wrong!12");
            await using var refused = TigerVncViewer.Start(display, amt.Endpoint.Address.ToString(), amt.Endpoint.Port, wrong, TigerVncEncodings.Raw);

            Assert.True(await refused.WaitForExitAsync(Eventually.Patience, Token), $"vncviewer kept running after a wrong password:\n{refused.Log}");
            Assert.Contains("Authentication failure", refused.Log, StringComparison.OrdinalIgnoreCase);
        }

        // The gateway says on stderr why it turned the viewer away, without the password.
        await Eventually.TrueAsync(() => amt.Output.Contains("wrong VNC password", StringComparison.Ordinal), $"amt kvm never said why the viewer was refused:\n{amt.Output}", Token);
        Assert.DoesNotContain(AmtKvmGatewayProcess.VncPassword, amt.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong!12", amt.Output, StringComparison.Ordinal);

        Assert.False(amt.HasExited, $"amt kvm ended after the refused viewer:\n{amt.Output}");
        await using var session = await TigerVncSession.StartAsync(amt.Endpoint, AmtKvmGatewayProcess.VncPassword, device.Size, TigerVncEncodings.Raw,
            GatewayExtrasBlock.NextAddress(), GatewayExtrasBlock.Displays, Token);
        var negotiation = await session.AssertShowsAsync(() => device.Picture(RfbPixelFormat.Rgb565), Token);

        Assert.Equal((int)RfbSecurityType.VncAuthentication, negotiation.SecurityType);
        Assert.False(amt.HasExited, amt.Output);
        // The refusal was the gateway's alone: the device session it opened at the start serves the admitted viewer.
        Assert.Equal(1, device.KvmSessionsStarted);
        output.WriteLine(amt.Output);
    }
}
