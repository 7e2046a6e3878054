using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Simulator.Host.Screen;

/// <summary>
/// The machine's displays beyond the first, and which one KVM shows (IPS_KVMRedirectionSettingData.DefaultScreen).
/// <para>
/// What the evidence says. Confirmed: MeshCommander switches displays in a running session by a Put of the whole
/// IPS_KVMRedirectionSettingData with DefaultScreen changed, and keeps the connection; it offers a button for each of
/// IsActive[0..2] that is true, only when two or more are, and resizes on a DesktopSize rectangle at any time. Intel's
/// class description (IPS_ScreenSettingData.mof 8.0.0) says IsActive[i] "represent[s] if screen[i] is present" and the
/// primary display's upper-left corner is (0, 0); the recorded reply has four entries, two 1920 × 1080 displays at
/// (0, 0) and (1920, 0), and 0 × 0 at (−1, −1) for absent ones. DMT's console Puts any index from 0 to 255 without
/// looking at IsActive, and its web UI greys inactive displays out.
/// </para>
/// <para>
/// Unconfirmed, and chosen here: that the device sends DesktopSize when the new display's size differs (the RFB
/// server does, as it does for any size change); and what firmware does with a DefaultScreen naming an absent display
/// (no source says whether the Put is refused, the picture goes black or KVM stays on the primary): the Put is taken
/// and KVM shows the first display. IsActive reports the displays connected whatever the host is doing; whether
/// firmware clears it while the host is off or in text mode is unknown. The consent code does not follow this
/// DefaultScreen but IPS_SecIOService's (SimulatedScreen.ConsentDisplay.cs).
/// </para>
/// </summary>
public sealed partial class SimulatedScreen
{
    /// <summary>The view that follows DefaultScreen, for <see cref="DisplayOutput"/>.</summary>
    internal const int KvmView = -1;

    private readonly ExtendedDisplayScene[] _extended;
    private readonly long[] _versions;
    private readonly DisplayOutput[] _outputs;
    private long _kvmVersion = 1;
    private int _defaultScreen;
    private int _pointerDisplay;
    private (int X, int Y) _extendedPointer;

    /// <summary>The displays' resolutions and places on the extended desktop, the first at (0, 0).</summary>
    public IReadOnlyList<DisplayGeometry> Geometry { get; }

    public int DisplayCount => Geometry.Count;

    /// <summary>What AMT's KVM serves (the KVMR session and port 5900): the DefaultScreen display, switching when it changes.</summary>
    public DisplayOutput Kvm { get; }

    /// <summary>Display <paramref name="index"/> as a viewer at the machine sees it; 0 is this screen.</summary>
    public DisplayOutput Display(int index) => _outputs[index];

    /// <summary>The display KVM shows now: DefaultScreen, or the first when it names a display that is not connected.</summary>
    public int KvmDisplay
    {
        get
        {
            lock (_sync)
            {
                return KvmDisplayLocked;
            }
        }
    }

    private int KvmDisplayLocked => _defaultScreen < Geometry.Count ? _defaultScreen : 0;

    /// <summary>IPS_KVMRedirectionSettingData.DefaultScreen changed (called with the device lock held): KVM follows it at once.</summary>
    internal void SelectDefaultScreen(int display)
    {
        lock (_sync)
        {
            if (display != _defaultScreen)
            {
                _defaultScreen = display;
                // Only what KVM shows changes; the displays themselves, the consent code included, stay as they are.
                _kvmVersion++;
                Wake();
            }
        }
    }

    /// <summary>What display <paramref name="index"/> shows: the first as <see cref="Mode"/>, the others the desktop or nothing.</summary>
    internal ScreenMode ModeOf(int index)
    {
        lock (_sync)
        {
            return index == 0 || CurrentMode == ScreenMode.Desktop ? CurrentMode : ScreenMode.NoSignal;
        }
    }

    internal RfbScreenSize SizeOfView(int view)
    {
        lock (_sync)
        {
            return SizeOf(Resolve(view));
        }
    }

    internal long VersionOf(int view, bool locked = false)
    {
        if (locked)
        {
            return view == KvmView ? _kvmVersion : _versions[view];
        }

        lock (_sync)
        {
            return view == KvmView ? _kvmVersion : _versions[view];
        }
    }

    internal DesktopLayout LayoutOf(int display) => display == 0 ? DesktopLayout : _extended[display - 1].Layout;

    /// <summary>
    /// The pointer moved on the display <paramref name="view"/> shows. On the extended desktop there is one pointer: it
    /// leaves the display it was on. With no desktop running there is no pointer to move.
    /// </summary>
    internal void Pointer(int view, int x, int y)
    {
        lock (_sync)
        {
            var display = Resolve(view);
            var showing = CurrentMode == ScreenMode.Desktop;
            var previous = _pointerDisplay;
            if (display == 0)
            {
                var moved = _desktop?.MovePointer(x, y) == true;
                if (_desktop is not null && previous != 0)
                {
                    _pointerDisplay = 0;
                    moved = true;
                }

                if (moved && showing)
                {
                    Changed(0);
                }
            }
            else if (_desktop is not null)
            {
                var size = SizeOf(display);
                var at = (Math.Clamp(x, 0, size.Width - 1), Math.Clamp(y, 0, size.Height - 1));
                if (previous == display && at == _extendedPointer)
                {
                    return;
                }

                (_pointerDisplay, _extendedPointer) = (display, at);
                if (showing)
                {
                    Changed(display);
                }
            }
            else
            {
                return;
            }

            if (showing && previous != _pointerDisplay)
            {
                Changed(previous);
            }
        }
    }

    private int Resolve(int view) => view == KvmView ? KvmDisplayLocked : view;

    /// <summary>The first display follows the mode; the others keep their one resolution, dark or lit.</summary>
    private RfbScreenSize SizeOf(int display) =>
        display == 0 ? _size : new RfbScreenSize(Geometry[display].Width, Geometry[display].Height);

    private void RenderExtended(int display, GlyphPainter painter)
    {
        if (CurrentMode != ScreenMode.Desktop)
        {
            painter.Fill(0, 0, painter.Width, painter.Height, 0);
            return;
        }

        var pointer = _pointerDisplay == display ? _extendedPointer : ((int X, int Y)?)null;
        _extended[display - 1].Render(painter, pointer, ConsentDisplay == display ? _consentShown : null);
    }
}
