using SharpAmt.Interop.Tests.Vnc.Support;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc;

/// <summary>
/// TigerVNC's viewer on a private X server against a simulated AMT 12 device's port 5900 (through a recording relay):
/// the X screen shows exactly the device's monitor, quantised to the pixel format the viewer chose; its keyboard and
/// mouse reach the device; a wrong password and a disabled port keep it out.
/// </summary>
public sealed class TigerVncPort5900Tests(ITestOutputHelper output)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TigerVncEncodings.Raw)]
    [InlineData(TigerVncEncodings.Default)]
    public async Task The_viewer_shows_the_text_mode_monitor_exactly(TigerVncEncodings encodings)
    {
        await using var device = await Port5900Device.StartAsync(desktop: false, Token);
        device.GrantConsent();
        await using var display = await XvfbDisplay.StartAsync(device.Size.Width, device.Size.Height, Token);
        await using var tap = RfbTap.Start(VncAddresses.Next(), new System.Net.IPEndPoint(device.Device.Address, Port5900Device.Port));
        using var password = VncPasswordFile.Write(Port5900Device.Password);
        await using var viewer = TigerVncViewer.Start(display, tap.EndPoint.Address.ToString(), tap.EndPoint.Port, password, encodings);

        await AssertShowsTheMonitorAsync(viewer, device, tap);
    }

    private async Task AssertShowsTheMonitorAsync(TigerVncViewer viewer, Port5900Device device, RfbTap tap)
    {
        var negotiation = await NegotiatedAsync(viewer, tap);
        var format = negotiation.EffectiveFormat!.Value;
        var display = viewer.Display;
        await Eventually.EqualPicturesAsync(
            async () => (await XScreen.CaptureAsync(display, Token)).Crop(0, 0, device.Size.Width, device.Size.Height),
            () => device.Picture().Select(format.Quantize),
            () => $"negotiated: {Negotiation(tap)}\nviewer log:\n{viewer.Log}",
            Token);
        output.WriteLine($"TigerVNC negotiated: {Negotiation(tap)}");
    }

    /// <summary>Waits for the viewer to have set its format and encodings and received pixels.</summary>
    private static async Task<RfbNegotiation> NegotiatedAsync(TigerVncViewer viewer, RfbTap tap)
    {
        RfbNegotiation? negotiation = null;
        await Eventually.TrueAsync(
            () =>
            {
                if (viewer.HasExited)
                {
                    Assert.Fail($"vncviewer exited ({viewer.ExitCode}):\n{viewer.Log}");
                }

                negotiation = tap.Connections() is [.., var last] ? RfbNegotiation.Read(last) : null;
                return negotiation is { EffectiveFormat: not null, RectangleEncodings.Count: > 0 };
            },
            "the viewer never received pixels",
            Token);
        return negotiation!;
    }

    private static string Negotiation(RfbTap tap) => tap.Connections() is [.., var last] ? RfbNegotiation.Read(last).ToString() : "no connection";
}
