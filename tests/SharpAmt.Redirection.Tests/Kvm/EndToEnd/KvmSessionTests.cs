using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Device;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Kvm.Server;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Tests.Kvm.Support;
using SharpAmt.Redirection.Wire;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.EndToEnd;

/// <summary>KvmSession against KvmDeviceFeature through the redirection port, over real TCP on loopback.</summary>
public sealed class KvmSessionTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task DecodedScreenEqualsTheDeviceScreenInRgb565()
    {
        await using var device = new KvmDevice(new TestScreen(1024, 768));
        await using var session = await KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout);

        Assert.Equal(RfbPixelFormat.Rgb565, session.Format);
        Assert.Equal(RfbPixelFormat.Rgb565, session.ServerFormat);
        Assert.Equal(new RfbScreenSize(1024, 768), session.Size);
        Assert.Equal(FrameCodec.Quantized(device.Screen.Pixels(), RfbPixelFormat.Rgb565), session.Snapshot().Pixels);
    }

    [Fact]
    public async Task ChangesArriveAsIncrementalUpdates()
    {
        await using var device = new KvmDevice(new TestScreen(300, 200));
        await using var session = await KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout);
        var before = session.Version;

        device.Screen.Paint(new RfbRectangle(70, 70, 10, 10), 0xFF00FF);
        Assert.True(await Eventually.TrueAsync(() => session.Snapshot().Pixels[(75 * 300) + 75] == RfbPixelFormat.Rgb565.Quantize(0xFF00FF)));
        await session.WaitForChangeAsync(before, Timeout);
        Assert.Equal(FrameCodec.Quantized(device.Screen.Pixels(), RfbPixelFormat.Rgb565), session.Snapshot().Pixels);
    }

    [Fact]
    public async Task ChangesSinceAnOlderPictureBringItUpToDate()
    {
        await using var device = new KvmDevice(new TestScreen(300, 200));
        await using var session = await KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout);
        var old = session.Snapshot();

        device.Screen.Paint(new RfbRectangle(10, 10, 5, 5), 0xFF0000);
        device.Screen.Paint(new RfbRectangle(250, 150, 40, 40), 0x00FF00);
        var expected = FrameCodec.Quantized(device.Screen.Pixels(), RfbPixelFormat.Rgb565);
        Assert.True(await Eventually.TrueAsync(() => session.Snapshot().Pixels.SequenceEqual(expected)));

        var picture = old.Pixels.ToArray();
        var changed = new List<RfbRectangle>();
        Assert.True(session.TryCopyChanges(picture, old.Version, old.Size, changed, out var version));
        Assert.Equal(expected, picture);
        Assert.Equal(session.Version, version);
        // Only the changed parts came: every changed pixel lies in an area reported, and the areas are far from the whole picture.
        Assert.All(Enumerable.Range(0, picture.Length).Where(i => picture[i] != old.Pixels[i]),
            i => Assert.Contains(changed, area => area.Intersect(new RfbRectangle(i % 300, i / 300, 1, 1)) is { IsEmpty: false }));
        Assert.True(changed.Sum(area => area.Width * area.Height) < 300 * 200 / 2);

        // Nothing changed since now: true, nothing reported.
        var none = new List<RfbRectangle>();
        Assert.True(session.TryCopyChanges(picture, version, old.Size, none, out _));
        Assert.Empty(none);
    }

    [Fact]
    public async Task ChangesAcrossAResizeOrFromBeforeTheFirstPictureAreRefused()
    {
        await using var device = new KvmDevice(new TestScreen(300, 200));
        await using var session = await KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout);
        var old = session.Snapshot();

        Assert.False(session.TryCopyChanges(new uint[300 * 200], 0, old.Size, new List<RfbRectangle>(), out _));
        device.Screen.Fill(320, 200, 4);
        Assert.True(await Eventually.TrueAsync(() => session.Size == new RfbScreenSize(320, 200)));
        Assert.False(session.TryCopyChanges(old.Pixels.ToArray(), old.Version, old.Size, new List<RfbRectangle>(), out _));
        Assert.False(session.TryCopyChanges(new uint[320 * 200], old.Version, session.Size, new List<RfbRectangle>(), out _));
    }

    [Fact]
    public async Task ResizeIsAnnouncedWithDesktopSize()
    {
        await using var device = new KvmDevice(new TestScreen(720, 400));
        await using var session = await KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout);

        device.Screen.Fill(1280, 1024, 9);
        Assert.True(await Eventually.TrueAsync(() => session.Size == new RfbScreenSize(1280, 1024)
            && session.Snapshot().Pixels.SequenceEqual(FrameCodec.Quantized(device.Screen.Pixels(), RfbPixelFormat.Rgb565))));
    }

    [Fact]
    public async Task KeysPointerTextAndCtrlAltDelReachTheScreen()
    {
        await using var device = new KvmDevice(new TestScreen(640, 480));
        await using var session = await KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout);

        await session.TypeTextAsync("aZ!\n", Timeout);
        await session.SendCtrlAltDelAsync(Timeout);
        await session.SendPointerAsync(100, 200, RfbPointerButtons.Left, Timeout);
        ((IRfbScreen)session).Pointer(5, 6, RfbPointerButtons.None);

        (uint, bool)[] expected =
        [
            ('a', true), ('a', false), ('Z', true), ('Z', false), ('!', true), ('!', false), (0xFF0D, true), (0xFF0D, false),
            (0xFFE3, true), (0xFFE9, true), (0xFFFF, true), (0xFFFF, false), (0xFFE9, false), (0xFFE3, false),
        ];
        Assert.True(await Eventually.TrueAsync(() => device.Screen.PointersSoFar().Length == 2));
        Assert.Equal(expected, device.Screen.KeysSoFar());
        Assert.Equal([(100, 200, RfbPointerButtons.Left), (5, 6, RfbPointerButtons.None)], device.Screen.PointersSoFar());
    }

    [Fact]
    public async Task TextWithoutKeysymsIsRefusedBeforeAnythingIsSent()
    {
        await using var device = new KvmDevice(new TestScreen(64, 64));
        await using var session = await KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout);

        await Assert.ThrowsAsync<ArgumentException>(() => session.TypeTextAsync("ab\u20AC", Timeout));
        await Task.Delay(200, Timeout);
        Assert.Empty(device.Screen.KeysSoFar());
    }

    [Fact]
    public async Task SixteenBitsAt4kHitsTheFrameBufferCap()
    {
        await using var device = new KvmDevice(new TestScreen(3840, 2160));
        var failure = await Assert.ThrowsAsync<KvmDisconnectedException>(() =>
            KvmSession.OpenAsync(device.Client(), new KvmSessionOptions { Format = RfbPixelFormat.Rgb565 }, Timeout));

        Assert.Equal(KvmDisconnectReason.FrameBufferCap, failure.Reason);
        Assert.Equal(50002, failure.MeshCommanderCode);
    }

    [Fact]
    public async Task EightBitsAreChosenAutomaticallyAt4k()
    {
        await using var device = new KvmDevice(new TestScreen(3840, 2160));
        await using var session = await KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout);

        Assert.Equal(RfbPixelFormat.Rgb332, session.Format);
        Assert.Equal(FrameCodec.Quantized(device.Screen.Pixels(), RfbPixelFormat.Rgb332), session.Snapshot().Pixels);
    }

    [Fact]
    public async Task SecondSessionIsBusyAndTheFirstFreesTheScreenWhenClosed()
    {
        await using var device = new KvmDevice(new TestScreen(64, 64));
        var first = await KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout);

        var busy = await Assert.ThrowsAsync<RedirectionRefusedException>(() => KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout));
        Assert.True(busy.IsBusy);

        await first.DisposeAsync();
        Assert.True(await Eventually.TrueAsync(() => !device.Feature.IsOpen));
        await using var second = await KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout);
        Assert.Equal(new RfbScreenSize(64, 64), second.Size);
    }

    [Fact]
    public async Task DisabledKvmIsUnsupported()
    {
        await using var device = new KvmDevice(new TestScreen(64, 64)) { Refusal = KvmStartRefusal.Disabled };
        var refused = await Assert.ThrowsAsync<RedirectionRefusedException>(() => KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout));
        Assert.Equal(RedirectionStatus.Unsupported, refused.Status);
    }

    [Fact]
    public async Task MissingConsentIsRefusedAfterLogin()
    {
        await using var device = new KvmDevice(new TestScreen(64, 64)) { Refusal = KvmStartRefusal.ConsentRequired };
        var refused = await Assert.ThrowsAsync<KvmDisconnectedException>(() => KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout));
        Assert.Equal(KvmDisconnectReason.RefusedAtStart, refused.Reason);
        Assert.False(device.Feature.IsOpen);
    }

    [Fact]
    public async Task WrongPasswordFailsTheLogin()
    {
        await using var device = new KvmDevice(new TestScreen(64, 64));
        await Assert.ThrowsAsync<AmtAuthenticationException>(() => KvmSession.OpenAsync(device.Client("wrong"), cancellationToken: Timeout));
        Assert.False(device.Feature.IsOpen);
    }

    [Fact]
    public async Task DeviceDroppingTheConnectionEndsTheSessionWithClosedByDevice()
    {
        await using var device = new KvmDevice(new TestScreen(128, 128));
        await using var session = await KvmSession.OpenAsync(device.Client(), cancellationToken: Timeout);
        var version = session.Version;

        await device.DropConnectionsAsync();
        var failure = await Assert.ThrowsAsync<KvmDisconnectedException>(() => session.WaitForChangeAsync(version, Timeout));
        Assert.Equal(KvmDisconnectReason.ClosedByDevice, failure.Reason);
        Assert.Equal(50001, failure.MeshCommanderCode);
        await Assert.ThrowsAsync<KvmDisconnectedException>(() => session.Completion.WaitAsync(TimeSpan.FromSeconds(10), Timeout));
    }

    [Fact]
    public async Task ZlibThroughKvmExtCmdCompressesAndStillDecodes()
    {
        await using var device = new KvmDevice(new TestScreen(400, 300), RfbServerOptions.AmtKvm(supportsKvmExtCmd: true));
        await using var session = await KvmSession.OpenAsync(device.Client(), new KvmSessionOptions { Zlib = true }, Timeout);

        Assert.True(await Eventually.TrueAsync(() => session.CompressionEnabled == true));
        device.Screen.Fill(400, 300, 77);
        Assert.True(await Eventually.TrueAsync(() => session.Snapshot().Pixels.SequenceEqual(FrameCodec.Quantized(device.Screen.Pixels(), RfbPixelFormat.Rgb565))));
    }
}
