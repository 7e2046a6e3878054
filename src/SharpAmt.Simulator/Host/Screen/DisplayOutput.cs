using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Simulator.Host.Screen;

/// <summary>
/// One display of the simulated machine as an <see cref="IRfbScreen"/>, or the display AMT's KVM shows now, which
/// follows DefaultScreen. Holds no picture: every call goes to the <see cref="SimulatedScreen"/> that draws them all.
/// The keyboard is the machine's one keyboard whichever display is watched; the pointer moves onto the display shown.
/// </summary>
public sealed class DisplayOutput : IRfbScreen
{
    private readonly SimulatedScreen _screen;
    private readonly int _view;

    internal DisplayOutput(SimulatedScreen screen, int view)
    {
        _screen = screen;
        _view = view;
    }

    /// <summary>The display shown: fixed, or for the KVM view the one DefaultScreen selects now.</summary>
    public int Index => _view == SimulatedScreen.KvmView ? _screen.KvmDisplay : _view;

    /// <summary>What the display shows; the second and third are lit only while the first shows the desktop.</summary>
    public ScreenMode Mode => _screen.ModeOf(Index);

    /// <summary>Where the desktop's parts are on this display (its consent box among them).</summary>
    public DesktopLayout Layout => _screen.LayoutOf(Index);

    public RfbScreenSize Size => _screen.SizeOfView(_view);

    /// <summary>Grows with every change of this display; for the KVM view also when DefaultScreen switches displays.</summary>
    public long Version => _screen.VersionOf(_view);

    public long CopyTo(Span<uint> destination, out RfbScreenSize size) => _screen.CopyTo(_view, destination, out size);

    public Task WaitForChangeAsync(long version, CancellationToken cancellationToken) => _screen.WaitForChangeAsync(_view, version, cancellationToken);

    public void Key(uint keysym, bool down) => _screen.Key(keysym, down);

    public void Pointer(int x, int y, RfbPointerButtons buttons) => _screen.Pointer(_view, x, y);
}
