using System.Net.Sockets;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Kvm.Server;
using SharpAmt.Redirection.Tests.Kvm.Support;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.EndToEnd;

/// <summary>RfbServer's three flavours straight on a loopback port: exact handshake bytes, VNC authentication, update economy.</summary>
public sealed class RfbServerTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    [Fact]
    public async Task AmtHandshakeHasExactBytes()
    {
        await using var listener = new RfbListener(new TestScreen(1024, 768), RfbServerOptions.AmtKvm() with { Name = "AMT" });
        await using var stream = await listener.ConnectAsync();

        Assert.Equal("RFB 004.000\n"u8.ToArray(), await ReadAsync(stream, 12));
        await stream.WriteAsync("RFB 003.008\n"u8.ToArray(), Timeout);
        Assert.Equal(new byte[] { 1, 1 }, await ReadAsync(stream, 2));
        await stream.WriteAsync(new byte[] { 1 }, Timeout);
        Assert.Equal(new byte[4], await ReadAsync(stream, 4));
        await stream.WriteAsync(new byte[] { 1 }, Timeout);
        Assert.Equal(Convert.FromHexString("04000300" + "10100001001F003F001F0B0500000000" + "00000003" + "414D54"), await ReadAsync(stream, 27));
    }

    [Fact]
    public async Task StandardHandshakeOffersTrueColourAndSendsRawToPlainViewers()
    {
        await using var listener = new RfbListener(new TestScreen(2, 1), RfbServerOptions.Standard() with { Name = "x" });
        await using var stream = await listener.ConnectAsync();

        Assert.Equal("RFB 003.008\n"u8.ToArray(), await ReadAsync(stream, 12));
        await stream.WriteAsync("RFB 003.008\n"u8.ToArray(), Timeout);
        Assert.Equal(new byte[] { 1, 1 }, await ReadAsync(stream, 2));
        await stream.WriteAsync(new byte[] { 1 }, Timeout);
        Assert.Equal(new byte[4], await ReadAsync(stream, 4));
        await stream.WriteAsync(new byte[] { 0 }, Timeout);
        Assert.Equal(Convert.FromHexString("00020001" + "20180001" + "00FF00FF00FF" + "100800000000" + "00000001" + "78"), await ReadAsync(stream, 25));

        // A viewer that lists only RAW gets RAW, in its default 32-bit format.
        await stream.WriteAsync(new RfbSetEncodings([0]).ToArray(), Timeout);
        await stream.WriteAsync(new RfbUpdateRequest(false, new RfbRectangle(0, 0, 2, 1)).ToArray(), Timeout);
        var pixels = new TestScreen(2, 1).Pixels();
        var expected = Convert.FromHexString("00000001" + "0000000000020001" + "00000000")
            .Concat(BitConverter.GetBytes(pixels[0])).Concat(BitConverter.GetBytes(pixels[1])).ToArray();
        Assert.Equal(expected, await ReadAsync(stream, expected.Length));
    }

    [Fact]
    public async Task StandardViewerListingEncoding16GetsZrleWithAZlibHeader()
    {
        await using var listener = new RfbListener(new TestScreen(64, 64), RfbServerOptions.Standard());
        await using var stream = await listener.ConnectAsync();
        await HandshakeAsync(stream, "SharpAMT");

        await stream.WriteAsync(new RfbSetEncodings([16, 0]).ToArray(), Timeout);
        await stream.WriteAsync(new RfbUpdateRequest(false, new RfbRectangle(0, 0, 64, 64)).ToArray(), Timeout);
        var head = await ReadAsync(stream, 4 + 12 + 4 + 1);
        Assert.Equal(Convert.FromHexString("00000001" + "0000000000400040" + "00000010"), head[..16]);
        Assert.Equal(0x78, head[20]);
    }

    [Fact]
    public async Task OldViewersGetTheirOwnSecurityFraming()
    {
        await using var listener = new RfbListener(new TestScreen(8, 8), RfbServerOptions.Standard());
        await using var stream = await listener.ConnectAsync();

        await ReadAsync(stream, 12);
        await stream.WriteAsync("RFB 003.003\n"u8.ToArray(), Timeout);

        // 3.3: the server decides, as a BE32 security type, and sends no SecurityResult for None.
        Assert.Equal(new byte[] { 0, 0, 0, 1 }, await ReadAsync(stream, 4));
        await stream.WriteAsync(new byte[] { 1 }, Timeout);
        Assert.Equal(new byte[] { 0, 8, 0, 8 }, await ReadAsync(stream, 4));
    }

    [Fact]
    public async Task Port5900AcceptsTheRfbPassword()
    {
        var screen = new TestScreen(320, 200);
        await using var listener = new RfbListener(screen, RfbServerOptions.AmtPort5900("Pa$$w0rd"));
        await using var session = await KvmSession.OpenAsync(await listener.ConnectAsync(), listener.Endpoint, new KvmSessionOptions { VncPassword = "Pa$$w0rd" }, Timeout);

        Assert.Equal(FrameCodec.Quantized(screen.Pixels(), RfbPixelFormat.Rgb565), session.Snapshot().Pixels);
    }

    [Fact]
    public async Task Port5900RefusesAWrongPassword()
    {
        await using var listener = new RfbListener(new TestScreen(32, 32), RfbServerOptions.AmtPort5900("Pa$$w0rd"));
        await Assert.ThrowsAsync<AmtAuthenticationException>(async () =>
            await KvmSession.OpenAsync(await listener.ConnectAsync(), listener.Endpoint, new KvmSessionOptions { VncPassword = "password" }, Timeout));
        Assert.Equal(RfbSessionEnd.AuthenticationFailed, await listener.EndOfAsync(0));
    }

    [Fact]
    public async Task Port5900WithoutAPasswordIsAClearError()
    {
        await using var listener = new RfbListener(new TestScreen(32, 32), RfbServerOptions.AmtPort5900("Pa$$w0rd"));
        var failure = await Assert.ThrowsAsync<RfbProtocolException>(async () =>
            await KvmSession.OpenAsync(await listener.ConnectAsync(), listener.Endpoint, cancellationToken: Timeout));
        Assert.Equal(RfbRejectReason.UnsupportedSecurityType, failure.Reason);
    }

    [Fact]
    public async Task IncrementalUpdatesSendOnlyTheChangedTile()
    {
        var screen = new TestScreen(640, 480);
        await using var listener = new RfbListener(screen, RfbServerOptions.AmtKvm());
        var counting = new CountingStream(await listener.ConnectAsync());
        await using var session = await KvmSession.OpenAsync(counting, listener.Endpoint, new KvmSessionOptions { Encodings = [0, -223] }, Timeout);
        var afterFirst = counting.BytesRead;
        Assert.True(afterFirst > 640 * 480 * 2);

        var version = session.Version;
        screen.Paint(new RfbRectangle(130, 70, 3, 3), 0x00FF00);
        await session.WaitForChangeAsync(version, Timeout);

        // One RAW 64 × 64 tile at 16 bpp: update header, rectangle header, 8192 bytes of pixels.
        Assert.Equal(4 + 12 + (64 * 64 * 2), counting.BytesRead - afterFirst);
        Assert.Equal(FrameCodec.Quantized(screen.Pixels(), RfbPixelFormat.Rgb565), session.Snapshot().Pixels);
    }

    [Fact]
    public async Task AViewOnlyServerDropsKeysAndPointerButServesThePicture()
    {
        var screen = new TestScreen(64, 64);
        await using var listener = new RfbListener(screen, RfbServerOptions.Standard() with { ViewOnly = true });
        await using var stream = await listener.ConnectAsync();
        await HandshakeAsync(stream, "SharpAMT");

        // Input first, then a request: the server handles a viewer's messages in order, so once the update is here the
        // input has been dealt with.
        await stream.WriteAsync(new RfbKeyEvent(true, 'a').ToArray(), Timeout);
        await stream.WriteAsync(new RfbPointerEvent(RfbPointerButtons.Left, 10, 10).ToArray(), Timeout);
        await stream.WriteAsync(new RfbSetEncodings([0]).ToArray(), Timeout);
        await stream.WriteAsync(new RfbUpdateRequest(false, new RfbRectangle(0, 0, 64, 64)).ToArray(), Timeout);
        await ReadAsync(stream, 4 + 12 + (64 * 64 * 4));

        Assert.Empty(screen.KeysSoFar());
        Assert.Empty(screen.PointersSoFar());
    }

    [Fact]
    public async Task ViewerThatStallsTheHandshakeIsDisconnected()
    {
        await using var listener = new RfbListener(new TestScreen(16, 16), RfbServerOptions.AmtKvm() with { HandshakeTimeout = TimeSpan.FromMilliseconds(300) });
        await using var stream = await listener.ConnectAsync();
        await ReadAsync(stream, 12);

        Assert.Equal(RfbSessionEnd.TimedOut, await listener.EndOfAsync(0));
        var buffer = new byte[1];
        Assert.Equal(0, await stream.ReadAsync(buffer, Timeout));
    }

    [Fact]
    public async Task ProtocolErrorEndsOnlyThatConnection()
    {
        await using var listener = new RfbListener(new TestScreen(16, 16), RfbServerOptions.AmtKvm());
        await using var stream = await listener.ConnectAsync();
        await HandshakeAsync(stream, "Intel(r) AMT KVM");
        await stream.WriteAsync(new byte[] { 0x77 }, Timeout);

        Assert.Equal(RfbSessionEnd.ProtocolError, await listener.EndOfAsync(0));
    }

    /// <summary>A 3.8 viewer through security None and a shared ClientInit, up to the end of ServerInit for a server named <paramref name="name"/>.</summary>
    private static async Task HandshakeAsync(NetworkStream stream, string name)
    {
        await ReadAsync(stream, 12);
        await stream.WriteAsync("RFB 003.008\n"u8.ToArray(), Timeout);
        await ReadAsync(stream, 2);
        await stream.WriteAsync(new byte[] { 1 }, Timeout);
        await ReadAsync(stream, 4);
        await stream.WriteAsync(new byte[] { 1 }, Timeout);
        await ReadAsync(stream, 24 + name.Length);
    }

    private static async Task<byte[]> ReadAsync(NetworkStream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, Timeout);
        return buffer;
    }
}
