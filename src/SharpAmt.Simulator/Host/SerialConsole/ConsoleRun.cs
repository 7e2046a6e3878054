using System.Text;
using System.Threading.Channels;

namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// One boot's view of the console: the boot it runs for, paced and unpaced output, and the keys typed. Every
/// wait ends when the boot does (the host powers off or resets), through <see cref="Cancellation"/>. The boot's
/// own run writes to the serial port and the monitor until Linux hands the monitor to its tty1 login
/// (<see cref="HandOverMonitor"/>), which runs as a second, monitor-only run of the same boot.
/// </summary>
internal sealed class ConsoleRun
{
    private readonly HostConsole _console;
    private readonly ChannelReader<SerialKey> _keys;

    public ConsoleRun(HostConsole console, ChannelReader<SerialKey> keys, BootRecord? boot, CancellationToken cancellation, ConsoleTerminals terminals = ConsoleTerminals.Both, string tty = "ttyS1")
    {
        _console = console;
        _keys = keys;
        Boot = boot;
        Cancellation = cancellation;
        Terminals = terminals;
        TtyName = tty;
        BiosVisible = boot is not null && (boot.SolRedirected || console.Options.BiosRedirectionAlwaysOn);
    }

    /// <summary>Where this run writes now.</summary>
    public ConsoleTerminals Terminals { get; private set; }

    /// <summary>The Linux terminal this run's login serves: ttyS1 for the serial port, tty1 for the monitor.</summary>
    public string TtyName { get; }

    /// <summary>The boot this run scripts; null for the OS that was already up when the simulator started.</summary>
    public BootRecord? Boot { get; }

    /// <summary>Whether the BIOS writes to the serial port on this boot (console redirection on).</summary>
    public bool BiosVisible { get; }

    public CancellationToken Cancellation { get; }

    public HostConsoleOptions Options => _console.Options;

    public HostFacts Facts => _console.Facts;

    public BiosSettings Bios => _console.Bios;

    public SimulatedHost Host => _console.Host;

    public IBootMedia? BootMedia => _console.BootMedia;

    public TimeProvider Time => _console.Time;

    public string HostName => _console.Facts.HostName();

    /// <summary>Writes at once: echo, prompts, redrawn screens.</summary>
    public Task WriteAsync(string text) => WriteAsync(text, Terminals);

    private async Task WriteAsync(string text, ConsoleTerminals terminals)
    {
        Cancellation.ThrowIfCancellationRequested();
        if (terminals.HasFlag(ConsoleTerminals.Monitor))
        {
            _console.Display?.Write(text);
        }

        if (!terminals.HasFlag(ConsoleTerminals.Serial))
        {
            return;
        }

        try
        {
            await _console.Port.HostWriteAsync(Encoding.ASCII.GetBytes(text)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException)
        {
            // The SOL session went away mid-write: as on a real UART, the output is simply lost.
        }
    }

    /// <summary>Writes one scripted line after the pacing pause, so the boot scrolls at a readable speed.</summary>
    public async Task LineAsync(string line = "")
    {
        await DelayAsync(Options.LinePace).ConfigureAwait(false);
        await WriteAsync(line + Ansi.Crlf).ConfigureAwait(false);
    }

    /// <summary>A BIOS line: it takes its time on every boot, shows on the monitor, and reaches the port only when redirected.</summary>
    public async Task BiosLineAsync(string line = "")
    {
        await DelayAsync(Options.LinePace).ConfigureAwait(false);
        await BiosWriteAsync(line + Ansi.Crlf).ConfigureAwait(false);
    }

    /// <summary>What the BIOS draws: always on the monitor, on the serial port only with console redirection.</summary>
    public Task BiosWriteAsync(string text) => WriteAsync(text, BiosVisible ? Terminals : Terminals & ~ConsoleTerminals.Serial);

    /// <summary>
    /// The boot loader has taken over from the BIOS: from now on it reads the serial port whether or not the
    /// BIOS redirected its console (GRUB is configured with a serial terminal).
    /// </summary>
    public void BootLoaderStarted() => _console.SerialKeysReachBoot = true;

    /// <summary>
    /// Linux is up: the monitor becomes tty1, with a login of its own and the display manager, and this run keeps
    /// the serial port (ttyS1) alone.
    /// </summary>
    public void HandOverMonitor()
    {
        Terminals &= ~ConsoleTerminals.Monitor;
        _console.StartLocalSession(this);
    }

    public async Task DelayAsync(TimeSpan delay)
    {
        Cancellation.ThrowIfCancellationRequested();
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, Time, Cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for the next key.</summary>
    public async Task<SerialKey> ReadKeyAsync() => await _keys.ReadAsync(Cancellation).ConfigureAwait(false);

    /// <summary>Waits for the next key up to <paramref name="timeout"/>; null when none came.</summary>
    public async Task<SerialKey?> ReadKeyAsync(TimeSpan timeout)
    {
        if (TryReadKey() is { } waiting)
        {
            return waiting;
        }

        if (timeout <= TimeSpan.Zero)
        {
            return null;
        }

        using var expiry = new CancellationTokenSource(timeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(Cancellation, expiry.Token);
        try
        {
            return await _keys.ReadAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (expiry.IsCancellationRequested && !Cancellation.IsCancellationRequested)
        {
            return null;
        }
    }

    public SerialKey? TryReadKey()
    {
        Cancellation.ThrowIfCancellationRequested();
        return _keys.TryRead(out var key) ? key : null;
    }

    /// <summary>Forgets keys typed before now, as firmware flushes its keyboard buffer before a menu.</summary>
    public void FlushInput()
    {
        for (var i = 0; i < HostConsole.InputCapacity && _keys.TryRead(out _); i++)
        {
        }
    }

    /// <summary>Stays in the current stage until the boot ends, discarding whatever is typed.</summary>
    public async Task<IConsoleStage?> WaitForeverAsync()
    {
        await foreach (var _ in _keys.ReadAllAsync(Cancellation).ConfigureAwait(false))
        {
            // Nothing reads the keyboard now.
        }

        return null;
    }

    /// <summary>Asks the host to reset or switch off, then waits for that to end this boot.</summary>
    public async Task<IConsoleStage?> PowerFromHostAsync(WsMan.Amt.CimPowerState target)
    {
        Host.RequestFromHost(target);
        return await WaitForeverAsync().ConfigureAwait(false);
    }
}
