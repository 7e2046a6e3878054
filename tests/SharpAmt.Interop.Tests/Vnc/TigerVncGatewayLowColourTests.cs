using SharpAmt.Interop.Tests.Vnc.Support;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Host.Screen;
using Xunit;

namespace SharpAmt.Interop.Tests.Vnc;

/// <summary>
/// TigerVNC in its low-colour modes (8-bit pixels: 256 colours, and its lowest level of 8) against the KVM gateway in
/// front of a simulated AMT 12 device: the X screen shows exactly the device's frame buffer as the device leg carries it
/// (RGB565), quantised once more to the viewer's 8-bit format, which the gateway's server converts to. Keeps to
/// <see cref="GatewayExtrasBlock"/>.
/// </summary>
public sealed class TigerVncGatewayLowColourTests(ITestOutputHelper output)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(TigerVncEncodings.Raw8Bit, 7, 7, 3)]
    [InlineData(TigerVncEncodings.Raw8Colours, 1, 1, 1)]
    public async Task A_low_colour_viewer_shows_the_desktop_exactly_in_its_8_bit_format(TigerVncEncodings encodings, int redMax, int greenMax, int blueMax)
    {
        await using var device = await GatewayDevice.StartAsync(SimulatedScreenOptions.Default, GatewayExtrasBlock.NextAddress(), Token);
        await using var gateway = await LibraryGateway.StartAsync(device, GatewayExtrasBlock.NextAddress(), Token);
        await using var session = await TigerVncSession.StartAsync(gateway.Endpoint, LibraryGateway.Password, device.Size, encodings,
            GatewayExtrasBlock.NextAddress(), GatewayExtrasBlock.Displays, Token);

        // Compared as pixel values of the viewer's format: the 16-bit device leg's picture packed into its 8 bits.
        var negotiation = await session.AssertShowsAsync(gateway.Expected, Token);

        output.WriteLine($"TigerVNC negotiated: {negotiation}");
        var format = negotiation.EffectiveFormat!.Value;
        Assert.Equal(8, format.BitsPerPixel);
        Assert.True(format.TrueColour);
        Assert.Equal((redMax, greenMax, blueMax), (format.RedMax, format.GreenMax, format.BlueMax));
        Assert.Equal(RfbPixelFormat.Rgb565, gateway.DeviceLeg);
        Assert.Equal([RfbEncoding.Raw], negotiation.RectangleEncodings.Distinct());
        // The viewer's format is the coarser one, so the match above says the gateway quantised to it.
        var deviceLeg = gateway.Expected();
        Assert.NotEqual(0, deviceLeg.Differences(deviceLeg.Select(format.Quantize)).Count);
    }
}
