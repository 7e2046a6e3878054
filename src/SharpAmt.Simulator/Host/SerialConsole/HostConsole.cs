using System.Threading.Channels;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// The simulated PC's serial console: what it writes to the port AMT redirects over SOL as it boots (POST,
/// BIOS setup, PXE, GRUB, Linux, a login and a small shell), and what it does with the keys typed there. It is
/// driven by the host's power events, the keys and the clock only: each boot runs the script from POST in
/// <see cref="IConsoleStage"/> steps; power off stops it and a reset starts it over.
/// <para>
/// With a local display (the monitor AMT's KVM shows) the firmware, GRUB and the kernel write there too: the
/// BIOS always, the serial port only when its console is redirected. Once Linux is up the monitor is tty1, with
/// a login and shell of their own fed by the local keyboard, and the display manager starts; the serial port
/// keeps the ttyS1 getty as before. Keys typed locally reach the BIOS and GRUB whether or not SOL is on.
/// </para>
/// </summary>
public sealed class HostConsole
{
    /// <summary>Keys held while nothing reads them; more are dropped, as a full UART FIFO drops them.</summary>
    internal const int InputCapacity = 256;

    /// <summary>A bound on stage changes in one boot (each login and logout is one); far above any real session.</summary>
    private const int MaxStages = 100_000;

    private readonly Lock _sync = new();
    private readonly Channel<SerialKey> _keys = Channel.CreateBounded<SerialKey>(new BoundedChannelOptions(InputCapacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    /// <summary>Keys from the local keyboard for the tty1 login, once Linux has handed it the monitor.</summary>
    private readonly Channel<SerialKey> _localKeys = Channel.CreateBounded<SerialKey>(new BoundedChannelOptions(InputCapacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    private readonly SerialKeyDecoder _decoder = new();
    private CancellationTokenSource? _run;

    /// <summary>The boot whose tty1 login owns the local keyboard now; null while the firmware or boot loader reads it.</summary>
    private CancellationTokenSource? _localSessionOf;
    private volatile bool _serialKeysReachBoot;
    private Task _running = Task.CompletedTask;
    private HostConsoleState _state = HostConsoleState.Off;

    public HostConsole(SimulatedHost host, HostSerialPort port, HostFacts facts, HostConsoleOptions options, TimeProvider time, ILocalDisplay? display = null)
    {
        Host = host;
        Port = port;
        Facts = facts;
        Options = options;
        Time = time;
        if (!options.Enabled)
        {
            return;
        }

        Display = display;
        if (display is not null)
        {
            display.KeyTyped += OnLocalKey;
        }

        port.InputReceived += OnInput;
        host.Changed += OnHostChanged;
        if (host.PowerState == CimPowerState.On)
        {
            // The simulator starts with the OS already up: no boot to show, but a login waits on ttyS1.
            Start(null);
        }
    }

    /// <summary>Raised (on the console's own thread) each time the script moves to another stage.</summary>
    public event Action<HostConsoleState>? StateChanged;

    public HostConsoleState State
    {
        get
        {
            lock (_sync)
            {
                return _state;
            }
        }
    }

    public HostConsoleOptions Options { get; }

    /// <summary>What BIOS setup saved, kept across boots.</summary>
    public BiosSettings Bios { get; } = new();

    /// <summary>Where an IDE-R boot reads its medium; null: no IDE-R medium, so such a boot falls back to the disk.</summary>
    public IBootMedia? BootMedia { get; set; }

    /// <summary>Completes when the current boot's script has ended (after power off), for orderly shutdown.</summary>
    public Task Running
    {
        get
        {
            lock (_sync)
            {
                return _running;
            }
        }
    }

    internal SimulatedHost Host { get; }

    internal HostSerialPort Port { get; }

    internal HostFacts Facts { get; }

    internal TimeProvider Time { get; }

    /// <summary>The local monitor and keyboard; null when the host has none (or the console is disabled).</summary>
    internal ILocalDisplay? Display { get; }

    /// <summary>
    /// Whether serial keystrokes reach the boot's script: not while the BIOS runs without console redirection
    /// (nothing reads the UART then), always from the boot loader on.
    /// </summary>
    internal bool SerialKeysReachBoot
    {
        get => _serialKeysReachBoot;
        set => _serialKeysReachBoot = value;
    }

    /// <summary>Called under the device lock, in the order the host changes: only switches runs, never waits.</summary>
    private void OnHostChanged(HostEvent hostEvent)
    {
        if (hostEvent.Kind == HostEventKind.Boot)
        {
            Start(Host.LastBoot);
        }
        else if (hostEvent.Kind == HostEventKind.Power && Host.PowerState != CimPowerState.On)
        {
            Stop();
        }
    }

    private void OnInput(byte[] data)
    {
        List<SerialKey> keys;
        lock (_sync)
        {
            if (_run is null)
            {
                return;
            }

            keys = _decoder.Decode(data);
            if (!_serialKeysReachBoot)
            {
                return;
            }
        }

        foreach (var key in keys)
        {
            _keys.Writer.TryWrite(key);
        }
    }

    /// <summary>A key from the local keyboard: to the tty1 login once Linux runs one, else to the firmware or GRUB.</summary>
    private void OnLocalKey(SerialKey key)
    {
        lock (_sync)
        {
            if (_run is null)
            {
                return;
            }

            var keys = ReferenceEquals(_localSessionOf, _run) ? _localKeys : _keys;
            keys.Writer.TryWrite(key);
        }
    }

    /// <summary>Called by the boot's run when Linux is up: starts the login on tty1, on the monitor only.</summary>
    internal void StartLocalSession(ConsoleRun bootRun)
    {
        if (Display is null)
        {
            return;
        }

        lock (_sync)
        {
            if (_run is null || _run.Token != bootRun.Cancellation)
            {
                return;
            }

            for (var i = 0; i < InputCapacity && _localKeys.Reader.TryRead(out _); i++)
            {
                // Keys typed at tty1 in a previous boot are gone with it.
            }

            _localSessionOf = _run;
        }

        Display.GraphicalSessionStarted();
        var run = new ConsoleRun(this, _localKeys.Reader, bootRun.Boot, bootRun.Cancellation, ConsoleTerminals.Monitor, "tty1");
        _ = Task.Run(() => RunLocalSessionAsync(run));
    }

    /// <summary>agetty on tty1 and what follows it, until the boot ends.</summary>
    private static async Task RunLocalSessionAsync(ConsoleRun run)
    {
        try
        {
            IConsoleStage stage = new LoginStage();
            for (var step = 0; step < MaxStages; step++)
            {
                stage = await stage.RunAsync(run).ConfigureAwait(false) ?? new LoginStage();
            }
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            // Powered off or reset: tty1 goes with the boot.
        }
    }

    private void Start(BootRecord? boot)
    {
        lock (_sync)
        {
            _run?.Cancel();
            var run = new CancellationTokenSource();
            _run = run;
            var previous = _running;
            _running = Task.Run(() => RunAsync(boot, previous, run));
        }
    }

    private void Stop()
    {
        bool changed;
        lock (_sync)
        {
            _run?.Cancel();
            _run = null;
            changed = _state != HostConsoleState.Off;
            _state = HostConsoleState.Off;
        }

        if (changed)
        {
            StateChanged?.Invoke(HostConsoleState.Off);
        }
    }

    private async Task RunAsync(BootRecord? boot, Task previous, CancellationTokenSource cancellation)
    {
        try
        {
            // The previous boot's script may be mid-write: let it see its cancellation and stop first.
            await previous.ConfigureAwait(false);
            var run = new ConsoleRun(this, _keys.Reader, boot, cancellation.Token);
            _serialKeysReachBoot = boot is null || run.BiosVisible;
            run.FlushInput();
            if (boot is null)
            {
                run.HandOverMonitor();
            }

            IConsoleStage? stage = boot is null ? AlreadyRunningOs() : new PostStage();
            for (var step = 0; stage is not null && step < MaxStages; step++)
            {
                if (!Enter(cancellation, stage.State))
                {
                    return;
                }

                stage = await stage.RunAsync(run).ConfigureAwait(false);
            }

            // The script ended (a boot image the simulator does not run): the host just sits there.
            if (Enter(cancellation, HostConsoleState.Halted))
            {
                await run.WaitForeverAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // Powered off or reset: this boot is over.
        }
        finally
        {
            lock (_sync)
            {
                if (ReferenceEquals(_run, cancellation))
                {
                    _run = null;
                }
            }

            cancellation.Dispose();
        }
    }

    private IConsoleStage AlreadyRunningOs() => Options.SerialGetty ? new LoginStage() : new OsRunningStage();

    /// <summary>Moves to <paramref name="state"/> unless this run was superseded; false when it was.</summary>
    private bool Enter(CancellationTokenSource run, HostConsoleState state)
    {
        lock (_sync)
        {
            if (!ReferenceEquals(_run, run) || run.IsCancellationRequested)
            {
                return false;
            }

            _state = state;
        }

        StateChanged?.Invoke(state);
        return true;
    }
}
