using System.Threading.Channels;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// The simulated PC's serial console: what it writes to the port AMT redirects over SOL as it boots (POST,
/// BIOS setup, PXE, GRUB, Linux, a login and a small shell), and what it does with the keys typed there. It is
/// driven by the host's power events, the keys and the clock only: each boot runs the script from POST in
/// <see cref="IConsoleStage"/> steps; power off stops it and a reset starts it over.
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

    private readonly SerialKeyDecoder _decoder = new();
    private CancellationTokenSource? _run;
    private Task _running = Task.CompletedTask;
    private HostConsoleState _state = HostConsoleState.Off;

    public HostConsole(SimulatedHost host, HostSerialPort port, HostFacts facts, HostConsoleOptions options, TimeProvider time)
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
        }

        foreach (var key in keys)
        {
            _keys.Writer.TryWrite(key);
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
            run.FlushInput();
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
