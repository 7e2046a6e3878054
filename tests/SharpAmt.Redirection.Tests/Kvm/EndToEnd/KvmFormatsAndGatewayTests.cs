using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Kvm.Server;
using SharpAmt.Redirection.Tests.Kvm.Rfb;
using SharpAmt.Redirection.Tests.Kvm.Support;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.EndToEnd;

/// <summary>Every pixel format through the device, KvmExtCmd decimation, and a KvmSession served on as an IRfbScreen.</summary>
public sealed class KvmFormatsAndGatewayTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Theory]
    [InlineData("rgb565be")]
    [InlineData("rgb555")]
    [InlineData("rgb332")]
    [InlineData("gray8")]
    [InlineData("gray4")]
    [InlineData("true32")]
    public async Task EveryFormatDecodesThroughTheDevice(string formatName)
    {
        var format = FormatNames.All[formatName];
        await using var device = new KvmDevice(new TestScreen(333, 222));
        await using var session = await KvmSession.OpenAsync(device.Client(), new KvmSessionOptions { Format = format }, Timeout);

        Assert.Equal(format, session.Format);
        Assert.Equal(FrameCodec.Quantized(device.Screen.Pixels(), format), session.Snapshot().Pixels);
        device.Screen.Fill(333, 222, 5);
        Assert.True(await Eventually.TrueAsync(() => session.Snapshot().Pixels.SequenceEqual(FrameCodec.Quantized(device.Screen.Pixels(), format))));
    }

    [Fact]
    public async Task DecimationCommandIsAnsweredWithItsState()
    {
        await using var device = new KvmDevice(new TestScreen(64, 64), RfbServerOptions.AmtKvm(supportsKvmExtCmd: true));
        await using var session = await KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout);

        await session.SendKvmExtCommandAsync(new KvmExtCommand(KvmExtCommandCode.SetDecimation, 3), Timeout);
        Assert.True(await Eventually.TrueAsync(() => session.DecimationState == 3));
        Assert.Null(session.CompressionEnabled);
    }

    [Fact]
    public async Task ExtCommandsAreClipboardTextOnFirmwareWithoutThem()
    {
        var clipboard = new List<string>();
        await using var device = new KvmDevice(new TestScreen(64, 64), RfbServerOptions.AmtKvm() with { OnClipboard = text => { lock (clipboard) { clipboard.Add(text); } } });
        await using var session = await KvmSession.OpenAsync(device.Client(), new KvmSessionOptions { Zlib = true }, Timeout);

        await session.SendClipboardAsync("hello", Timeout);
        Assert.True(await Eventually.TrueAsync(() => { lock (clipboard) { return clipboard.Count == 2; } }));
        Assert.Equal("\0KvmExtCmd\0\u0004\u0001", clipboard[0]);
        Assert.Equal("hello", clipboard[1]);
        Assert.Null(session.CompressionEnabled);
    }

    [Theory]
    [InlineData("true32")]
    [InlineData("true32be")]
    [InlineData("rgb565")]
    [InlineData("rgb332")]
    public async Task StandardServerSpeaksZrleToViewersThatAskForIt(string formatName)
    {
        var format = FormatNames.All[formatName];
        var screen = new TestScreen(200, 130);
        await using var listener = new RfbListener(screen, RfbServerOptions.Standard());
        await using var viewer = await KvmSession.OpenAsync(await listener.ConnectAsync(), listener.Endpoint,
            new KvmSessionOptions { Format = format, TileDialect = RfbTileDialect.Zrle }, Timeout);

        Assert.Equal(FrameCodec.Quantized(screen.Pixels(), format), viewer.Snapshot().Pixels);
        screen.Fill(200, 130, 8);
        Assert.True(await Eventually.TrueAsync(() => viewer.Snapshot().Pixels.SequenceEqual(FrameCodec.Quantized(screen.Pixels(), format))));
    }

    [Fact]
    public async Task KvmSessionServedAsAStandardServerReachesAnOrdinaryViewer()
    {
        await using var device = new KvmDevice(new TestScreen(500, 300));
        await using var upstream = await KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout);
        await using var gateway = new RfbListener(upstream, RfbServerOptions.Standard("gateway1"));
        await using var viewer = await KvmSession.OpenAsync(await gateway.ConnectAsync(), gateway.Endpoint,
            new KvmSessionOptions { Format = RfbPixelFormat.TrueColour32, Encodings = [0, -223], VncPassword = "gateway1" }, Timeout);

        var expected = FrameCodec.Quantized(device.Screen.Pixels(), RfbPixelFormat.Rgb565);
        Assert.Equal(expected, viewer.Snapshot().Pixels);

        device.Screen.Paint(new RfbRectangle(10, 10, 50, 50), 0xFFFFFF);
        Assert.True(await Eventually.TrueAsync(() => viewer.Snapshot().Pixels[(20 * 500) + 20] == 0xFFFFFF));

        await viewer.SendKeyPressAsync('x', Timeout);
        Assert.True(await Eventually.TrueAsync(() => device.Screen.KeysSoFar().Length == 2));
        Assert.Equal([('x', true), ('x', false)], device.Screen.KeysSoFar());

        // The device drops KVM: the gateway's server ends, and its viewer learns the session closed.
        var version = viewer.Version;
        await device.DropConnectionsAsync();
        var failure = await Assert.ThrowsAsync<KvmDisconnectedException>(() => viewer.WaitForChangeAsync(version, Timeout));
        Assert.Equal(KvmDisconnectReason.ClosedByDevice, failure.Reason);
        Assert.Equal(RfbSessionEnd.ScreenGone, await gateway.EndOfAsync(0));
    }
}
