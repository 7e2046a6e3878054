using System.Net;
using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// One real viewer on one RFB server, ready to be checked: a private X screen of the given size, a recording relay
/// in front of the server (<see cref="Tap"/>), and TigerVNC full screen on it. Works for any server and password: a
/// simulated device's port 5900 or the KVM gateway. <see cref="AssertShowsAsync"/> is the central check: the screen
/// shows exactly the picture the server serves.
/// </summary>
internal sealed class TigerVncSession : IAsyncDisposable
{
    private TigerVncSession(XvfbDisplay display, RfbTap tap, VncPasswordFile? password, TigerVncViewer viewer)
    {
        Display = display;
        Tap = tap;
        Password = password;
        Viewer = viewer;
    }

    public XvfbDisplay Display { get; }

    public RfbTap Tap { get; }

    public VncPasswordFile? Password { get; }

    public TigerVncViewer Viewer { get; }

    /// <param name="server">The RFB server's address and port.</param>
    /// <param name="password">For VNC authentication; null for a server offering security None.</param>
    /// <param name="screen">The X screen's size: the remote desktop's, so the viewer fills it pixel for pixel.</param>
    public static Task<TigerVncSession> StartAsync(IPEndPoint server, string? password, RfbScreenSize screen, TigerVncEncodings encodings, CancellationToken cancellationToken) =>
        StartAsync(server, password, screen, encodings, VncAddresses.Next(), cancellationToken);

    /// <param name="relay">Where the relay listens, for tests keeping to their own block of addresses.</param>
    public static Task<TigerVncSession> StartAsync(IPEndPoint server, string? password, RfbScreenSize screen, TigerVncEncodings encodings, IPAddress relay, CancellationToken cancellationToken) =>
        StartAsync(server, password, screen, encodings, relay, displays: null, cancellationToken);

    /// <param name="displays">The X display numbers to keep to; any free one from :190 when null.</param>
    public static async Task<TigerVncSession> StartAsync(IPEndPoint server, string? password, RfbScreenSize screen, TigerVncEncodings encodings, IPAddress relay, XvfbDisplayBlock? displays,
        CancellationToken cancellationToken)
    {
        var display = displays is null
            ? await XvfbDisplay.StartAsync(screen.Width, screen.Height, cancellationToken)
            : await XvfbDisplay.StartAsync(screen.Width, screen.Height, displays, cancellationToken);
        var tap = RfbTap.Start(relay, server);
        var file = password is null ? null : VncPasswordFile.Write(password);
        var viewer = TigerVncViewer.Start(display, tap.EndPoint.Address.ToString(), tap.EndPoint.Port, file, encodings);
        return new TigerVncSession(display, tap, file, viewer);
    }

    /// <summary>The viewer's latest connection as the relay saw it; null before it connected.</summary>
    public RfbNegotiation? Negotiation() => Tap.Connections() is [.., var last] ? RfbNegotiation.Read(last) : null;

    /// <summary>
    /// Waits until the X screen shows exactly <paramref name="expected"/> (taken again on each try, as the server's
    /// picture may move on), compared as pixel values of the format the viewer negotiated: at 8 bits a channel these are
    /// the colours themselves; below that TigerVNC widens a level by truncating (6 of 7 → 218) where
    /// <see cref="RfbPixelFormat.Quantize"/> rounds (219), and packing undoes either. Returns the negotiation.
    /// </summary>
    public async Task<RfbNegotiation> AssertShowsAsync(Func<RgbImage> expected, CancellationToken cancellationToken)
    {
        await Eventually.TrueAsync(
            () =>
            {
                if (Viewer.HasExited)
                {
                    Xunit.Assert.Fail($"vncviewer exited ({Viewer.ExitCode}):\n{Viewer.Log}");
                }

                return Negotiation() is { EffectiveFormat: not null, RectangleEncodings.Count: > 0 };
            },
            "the viewer never received pixels",
            cancellationToken);
        RfbPixelFormat format = default;
        await Eventually.EqualPicturesAsync(
            async () =>
            {
                // Read again each time: a viewer that selects automatically may change its format on the way.
                format = Negotiation()!.EffectiveFormat!.Value;
                var wanted = expected();
                var screen = await XScreen.CaptureAsync(Display, cancellationToken);
                return Frame(screen, wanted.Width, wanted.Height).Select(format.Pack);
            },
            () => expected().Select(format.Pack),
            () => $"negotiated: {Negotiation()}\nviewer log:\n{Viewer.Log}",
            cancellationToken);
        return Negotiation()!;
    }

    public async ValueTask DisposeAsync()
    {
        await Viewer.DisposeAsync();
        await Tap.DisposeAsync();
        await Display.DisposeAsync();
        Password?.Dispose();
    }

    /// <summary>
    /// The viewer's drawing area on the X screen: all of it when the remote desktop has the screen's size, else
    /// centred, as TigerVNC places a smaller desktop in its full-screen window.
    /// </summary>
    private static RgbImage Frame(RgbImage screen, int width, int height) =>
        screen.Crop((screen.Width - width) / 2, (screen.Height - height) / 2, width, height);
}
