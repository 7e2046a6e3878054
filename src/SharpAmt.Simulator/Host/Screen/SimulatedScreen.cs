using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Host.Screen;

/// <summary>
/// The simulated PC's monitor and keyboard as AMT's KVM sees them. While the machine boots it is VGA text mode
/// (what <see cref="HostConsole"/> writes: POST, BIOS setup, GRUB, the kernel, then the tty1 login); once the OS
/// has started its display manager it shows a desktop at the configured resolution; powered off it is black.
/// The consent code is drawn over either while one is displayed.
/// <para>
/// This object is the first display. A machine may have up to three (<see cref="SimulatedScreenOptions.Displays"/>):
/// the others extend the desktop and are black whenever the first is not on the desktop, since the BIOS and the
/// Linux text console drive one display only. <see cref="Display"/> gives each as an <see cref="IRfbScreen"/>, and
/// <see cref="Kvm"/> the one AMT's KVM serves (see SimulatedScreen.Displays.cs for what is and is not confirmed).
/// </para>
/// <para>
/// A thousand of these live in one process, so a screen keeps only its 4 KB of text cells and the desktop's
/// small state: every picture is drawn on demand into the caller's buffer, and the clock and animation advance
/// only when someone copies the picture or waits for it to change; with nobody watching, no timer runs.
/// </para>
/// </summary>
public sealed partial class SimulatedScreen : IRfbScreen, ILocalDisplay
{
    public static readonly RfbScreenSize TextModeSize = new(TextModeRenderer.Width, TextModeRenderer.Height);

    /// <summary>A bound on one wait's wake-ups (each a change or a desktop tick: hours at least); callers re-check the version anyway.</summary>
    private const int MaxWakeups = 1_000_000;

    private readonly Lock _sync = new();
    private readonly SimulatedHost _host;
    private readonly Func<string?> _consentCode;
    private readonly Func<string> _hostName;
    private readonly TimeProvider _time;
    private readonly TextTerminal _terminal = new();
    private readonly KeysymKeyboard _keyboard = new();
    private DesktopScene? _desktop;
    private DateTimeOffset _desktopSince;
    private bool _poweredOn;
    private bool _onDesktop;
    private RfbScreenSize _size = TextModeSize;
    private TaskCompletionSource? _changed;
    private long _frame;
    private long _second;
    private string? _consentShown;

    /// <param name="options">Resolution and look of the desktop.</param>
    /// <param name="host">The machine: its power state says whether there is a picture, and Ctrl-Alt-Del restarts it.</param>
    /// <param name="consentCode">
    /// The code AMT displays now, or null; read without the screen's lock held. <see cref="OnConsentChanged"/> says
    /// when it may have changed.
    /// </param>
    /// <param name="hostName">The OS host name, for the desktop's title.</param>
    /// <param name="time">The clock the desktop shows and animates by.</param>
    public SimulatedScreen(SimulatedScreenOptions options, SimulatedHost host, Func<string?> consentCode, Func<string> hostName, TimeProvider time)
    {
        options.Validate();
        Options = options;
        _host = host;
        _consentCode = consentCode;
        _hostName = hostName;
        _time = time;
        _poweredOn = host.PowerState == CimPowerState.On;
        Geometry = DisplayGeometry.Arrange(options);
        _extended = Geometry.Skip(1).Select(display => new ExtendedDisplayScene(options, display)).ToArray();
        _versions = Enumerable.Repeat(1L, Geometry.Count).ToArray();
        _outputs = Geometry.Select(display => new DisplayOutput(this, display.Index)).ToArray();
        Kvm = new DisplayOutput(this, KvmView);
    }

    public event Action<SerialKey>? KeyTyped;

    public SimulatedScreenOptions Options { get; }

    public ScreenMode Mode
    {
        get
        {
            lock (_sync)
            {
                return CurrentMode;
            }
        }
    }

    public RfbScreenSize Size
    {
        get
        {
            lock (_sync)
            {
                return _size;
            }
        }
    }

    /// <summary>The version of the last change the screen has noticed; the clock and animation catch up when the picture is copied or awaited.</summary>
    public long Version => VersionOf(0);

    /// <summary>Where the desktop's parts are at the configured resolution (for tests and tools reading the picture).</summary>
    public DesktopLayout DesktopLayout
    {
        get
        {
            lock (_sync)
            {
                return _desktop?.Layout ?? new DesktopLayout(Options);
            }
        }
    }

    /// <summary>What the desktop's text field holds, lines separated by '\n'; empty when the desktop is not running.</summary>
    public string TypedText
    {
        get
        {
            lock (_sync)
            {
                return _desktop?.Typed ?? "";
            }
        }
    }

    private ScreenMode CurrentMode => !_poweredOn ? ScreenMode.NoSignal : _onDesktop && _desktop is not null ? ScreenMode.Desktop : ScreenMode.Text;

    public long CopyTo(Span<uint> destination, out RfbScreenSize size) => CopyTo(0, destination, out size);

    public Task WaitForChangeAsync(long version, CancellationToken cancellationToken) => WaitForChangeAsync(0, version, cancellationToken);

    /// <summary>Copies what <paramref name="view"/> shows now (see <see cref="CopyTo(Span{uint}, out RfbScreenSize)"/>) and returns its version.</summary>
    internal long CopyTo(int view, Span<uint> destination, out RfbScreenSize size)
    {
        var code = _consentCode();
        lock (_sync)
        {
            CatchUp(_time.GetUtcNow(), code);
            var display = Resolve(view);
            size = SizeOf(display);
            if (destination.Length >= size.Pixels)
            {
                var painter = new GlyphPainter(destination[..size.Pixels], size.Width, size.Height);
                if (display == 0)
                {
                    RenderFirst(painter);
                }
                else
                {
                    RenderExtended(display, painter);
                }
            }

            return VersionOf(view, locked: true);
        }
    }

    private void RenderFirst(GlyphPainter painter)
    {
        var consent = ConsentDisplay == 0 ? _consentShown : null;
        switch (CurrentMode)
        {
            case ScreenMode.NoSignal:
                painter.Fill(0, 0, painter.Width, painter.Height, 0);
                break;
            case ScreenMode.Text:
                TextModeRenderer.Render(_terminal, painter, cursor: true);
                if (consent is not null)
                {
                    ConsentOverlay.DrawTextMode(painter, consent);
                }

                break;
            default:
                var clock = DateTimeOffset.FromUnixTimeSeconds(_second);
                _desktop!.Render(painter, clock.ToOffset(_time.LocalTimeZone.GetUtcOffset(clock)), _frame, consent, drawPointer: _pointerDisplay == 0);
                break;
        }
    }

    /// <summary>Waits until <paramref name="view"/>'s version differs from <paramref name="version"/>.</summary>
    internal async Task WaitForChangeAsync(int view, long version, CancellationToken cancellationToken)
    {
        for (var wakeup = 0; wakeup < MaxWakeups; wakeup++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var code = _consentCode();
            Task changed;
            TimeSpan? wait;
            lock (_sync)
            {
                var now = _time.GetUtcNow();
                CatchUp(now, code);
                if (VersionOf(view, locked: true) != version)
                {
                    return;
                }

                changed = (_changed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
                // Only the first display's clock and animation move on their own.
                wait = Resolve(view) == 0 ? NextTick(now) : null;
            }

            if (wait is null)
            {
                // Nothing moves on its own here: only a change, the consent code's included, wakes the waiter.
                await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var tick = Task.Delay(wait.Value, _time, stop.Token);
            await Task.WhenAny(changed, tick).ConfigureAwait(false);
            // A change that came first leaves the timer pending: cancelling it frees it now.
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Key(uint keysym, bool down)
    {
        KeyboardAction? action;
        var forward = false;
        lock (_sync)
        {
            action = _keyboard.Translate(keysym, down);
            switch (action)
            {
                case { Kind: KeyboardActionKind.SwitchTerminal, Terminal: var terminal }:
                    SwitchTerminal(terminal);
                    return;
                case { Kind: KeyboardActionKind.Key, Key: var key }:
                    if (CurrentMode == ScreenMode.Desktop)
                    {
                        if (_desktop!.Type(key))
                        {
                            Changed(0);
                        }
                    }
                    else
                    {
                        forward = CurrentMode == ScreenMode.Text;
                    }

                    break;
            }
        }

        if (action is { Kind: KeyboardActionKind.Restart })
        {
            // The BIOS, GRUB and systemd all take Ctrl-Alt-Del as "restart"; when off it does nothing.
            _host.RequestFromHost(CimPowerState.Reset);
        }
        else if (forward)
        {
            KeyTyped?.Invoke(action!.Value.Key);
        }
    }

    public void Pointer(int x, int y, RfbPointerButtons buttons) => Pointer(0, x, y);

    /// <summary>The console's text-mode output.</summary>
    public void Write(string text)
    {
        lock (_sync)
        {
            if (_terminal.Write(text) && CurrentMode == ScreenMode.Text)
            {
                Changed(0);
            }
        }
    }

    public void GraphicalSessionStarted()
    {
        lock (_sync)
        {
            _desktop = new DesktopScene(Options, $"{_hostName()} - {SimulatedMachine.OsName}");
            _desktopSince = _time.GetUtcNow();
            _frame = 0;
            _pointerDisplay = 0;
            _onDesktop = Options.GraphicalDesktop;
            ModeMayHaveChanged();
        }
    }

    /// <summary>AMT showed or removed a consent code: a viewer waiting for a change sees it now.</summary>
    internal void OnConsentChanged()
    {
        var code = _consentCode();
        lock (_sync)
        {
            ShowConsent(code);
        }
    }

    /// <summary>Follows the host's power (called with the device lock held): off is no signal, every boot starts in text mode.</summary>
    internal void OnHostChanged(HostEvent hostEvent)
    {
        if (hostEvent.Kind is not (HostEventKind.Power or HostEventKind.Boot))
        {
            return;
        }

        lock (_sync)
        {
            _poweredOn = _host.PowerState == CimPowerState.On;
            if (hostEvent.Kind == HostEventKind.Boot || !_poweredOn)
            {
                _terminal.Reset();
                _desktop = null;
                _onDesktop = false;
                _pointerDisplay = 0;
            }

            ModeMayHaveChanged();
        }
    }

    /// <summary>Ctrl-Alt-F1…F6 show the text console (tty1), Ctrl-Alt-F7 the desktop when the OS runs one.</summary>
    private void SwitchTerminal(int terminal)
    {
        var onDesktop = terminal == 7 ? _desktop is not null : terminal is >= 1 and <= 6 ? false : _onDesktop;
        if (onDesktop != _onDesktop)
        {
            _onDesktop = onDesktop;
            ModeMayHaveChanged();
        }
    }

    /// <summary>
    /// Keeps the size in step with the mode; no signal keeps the last size, as a monitor keeps its mode. Every display
    /// counts a change: the others are lit only while the first shows the desktop.
    /// </summary>
    private void ModeMayHaveChanged()
    {
        var size = CurrentMode switch
        {
            ScreenMode.Text => TextModeSize,
            ScreenMode.Desktop => new RfbScreenSize(Options.Width, Options.Height),
            _ => _size,
        };
        _size = size;
        ChangedAll();
    }

    /// <summary>Brings the clock, the animation and the consent overlay up to <paramref name="now"/>, counting a change when any moved.</summary>
    private void CatchUp(DateTimeOffset now, string? consentCode)
    {
        ShowConsent(consentCode);
        if (CurrentMode != ScreenMode.Desktop)
        {
            return;
        }

        var second = now.ToUnixTimeSeconds();
        var frame = AnimationFrame(now);
        if (second != _second || frame != _frame)
        {
            _second = second;
            _frame = frame;
            Changed(0);
        }
    }

    /// <summary>The code is drawn only over a picture: a monitor without signal shows nothing.</summary>
    private void ShowConsent(string? consentCode)
    {
        var code = _poweredOn ? consentCode : null;
        if (!string.Equals(code, _consentShown, StringComparison.Ordinal))
        {
            _consentShown = code;
            ChangedAll();
        }
    }

    /// <summary>Frames since the desktop started; the small allowance keeps a wake-up at a frame's start tick in that frame despite rounding.</summary>
    private long AnimationFrame(DateTimeOffset now) =>
        Options.AnimationRate > 0 ? (long)Math.Floor((now - _desktopSince).Ticks * Options.AnimationRate / TimeSpan.TicksPerSecond + 1e-6) : 0;

    private DateTimeOffset FrameStart(long frame) =>
        _desktopSince + TimeSpan.FromTicks((long)Math.Ceiling(frame * TimeSpan.TicksPerSecond / Options.AnimationRate));

    /// <summary>How long a waiter may sleep: to the next clock second or animation frame on the desktop; null (until a change) elsewhere.</summary>
    private TimeSpan? NextTick(DateTimeOffset now)
    {
        if (CurrentMode != ScreenMode.Desktop)
        {
            return null;
        }

        var wait = TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(now.UtcTicks % TimeSpan.TicksPerSecond);
        if (Options.AnimationRate > 0)
        {
            var toNextFrame = FrameStart(AnimationFrame(now) + 1) - now;
            wait = toNextFrame < wait ? toNextFrame : wait;
        }

        // Timers count whole milliseconds: round up, or a wait shorter than one would return at once and spin.
        var milliseconds = Math.Max(1, (wait.Ticks + TimeSpan.TicksPerMillisecond - 1) / TimeSpan.TicksPerMillisecond);
        return TimeSpan.FromMilliseconds(milliseconds);
    }

    /// <summary>Counts a change of one display (and of the KVM view while it shows that display) and wakes every waiter to check.</summary>
    private void Changed(int display)
    {
        _versions[display]++;
        if (display == KvmDisplayLocked)
        {
            _kvmVersion++;
        }

        Wake();
    }

    private void ChangedAll()
    {
        for (var display = 0; display < _versions.Length; display++)
        {
            _versions[display]++;
        }

        _kvmVersion++;
        Wake();
    }

    private void Wake()
    {
        var waiting = _changed;
        _changed = null;
        waiting?.TrySetResult();
    }
}
