using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SharpAmt.Transport.Net;

namespace SharpAmt.Transport.Relay;

/// <summary>
/// One running <c>ssh -N -D</c>: its SOCKS port on 127.0.0.1, what it printed on stderr, and its end.
/// Forwarded connections that the far side could not open are remembered briefly, so that a client whose
/// SOCKS request was dropped can learn why.
/// </summary>
internal sealed class SshTunnel : IAsyncDisposable
{
    /// <summary>Attempts when another program takes the chosen SOCKS port between our check and ssh's bind.</summary>
    private const int MaxPortAttempts = 3;

    private const int KeptFailures = 256;
    private const int FailureWaits = 25;
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(2);

    private readonly Process _process;
    private readonly Task _ended;
    private readonly Lock _lock = new();
    private readonly List<OpenFailure> _failures = [];
    private long _failureCount;
    private string? _lastLine;
    private int _exitCode;

    private SshTunnel(Process process, int port)
    {
        _process = process;
        Port = port;
        process.ErrorDataReceived += (_, line) => OnLine(line.Data);
        process.BeginErrorReadLine();
        _ended = WatchAsync();
    }

    /// <summary>The SOCKS port on 127.0.0.1.</summary>
    public int Port { get; }

    public bool HasExited => _ended.IsCompleted;

    /// <summary>Why ssh ended, in its own words when it left any.</summary>
    public string ExitReason
    {
        get
        {
            lock (_lock)
            {
                return _lastLine is { } line ? SshMessages.Reason(line)
                    : _exitCode is 137 or 143 ? "ssh was stopped"
                    : $"ssh ended with exit code {_exitCode.ToString(CultureInfo.InvariantCulture)}";
            }
        }
    }

    /// <summary>How many failed forwarded connections ssh has reported so far; pass it to <see cref="TakeOpenFailureAsync"/>.</summary>
    public long FailureMark
    {
        get
        {
            lock (_lock)
            {
                return _failureCount;
            }
        }
    }

    /// <summary>Starts ssh and waits until its SOCKS port accepts connections, it gives up, or <paramref name="timeout"/> passes.</summary>
    public static async Task<SshTunnel> StartAsync(SshRelayTarget target, SshRelayOptions options, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var relay = target.ToString();
        var ssh = SshExecutable.Find(options.SshCommand)
            ?? throw new AmtRelayException(relay, $"ssh relay {relay}: the OpenSSH client '{options.SshCommand}' is not installed or not on PATH");
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var tunnel = Launch(ssh, target, options);
            bool ready;
            try
            {
                ready = await tunnel.WaitReadyAsync(timeout - clock.Elapsed, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await tunnel.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            if (ready)
            {
                return tunnel;
            }

            var exited = tunnel.HasExited;
            await tunnel.DisposeAsync().ConfigureAwait(false);
            if (!exited)
            {
                throw new AmtRelayException(relay, $"ssh relay {relay}: not connected within {Endpoints.Seconds(timeout)}{tunnel.LastWords()}");
            }

            var reason = tunnel.ExitReason;
            if (!SshMessages.IsPortTaken(reason) || attempt >= MaxPortAttempts)
            {
                throw new AmtRelayException(relay, $"ssh relay {relay}: {reason}");
            }
        }
    }

    /// <summary>
    /// The reason ssh gave for the first failed forwarded connection after <paramref name="mark"/> that no one
    /// has claimed yet; null if none arrives within half a second. ssh writes the line just before it closes
    /// the SOCKS connection, but the two reach this process by different pipes, so the line may come later.
    /// </summary>
    public async Task<string?> TakeOpenFailureAsync(long mark, CancellationToken cancellationToken)
    {
        for (var wait = 0; wait < FailureWaits; wait++)
        {
            lock (_lock)
            {
                var failure = _failures.Find(candidate => candidate.Sequence > mark && !candidate.Claimed);
                if (failure is not null)
                {
                    failure.Claimed = true;
                    return failure.Reason;
                }
            }

            if (HasExited)
            {
                return null;
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Waits briefly for ssh to end after a connection dropped, since the two events race.</summary>
    public async Task<bool> HasEndedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _ended.WaitAsync(PollInterval * 5, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static SshTunnel Launch(string ssh, SshRelayTarget target, SshRelayOptions options)
    {
        var port = FreePort();
        var start = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardError = true,
            RedirectStandardOutput = OperatingSystem.IsWindows(),
            CreateNoWindow = true,
        };
        if (OperatingSystem.IsWindows())
        {
            start.FileName = ssh;
        }
        else
        {
            start.FileName = "/bin/sh";
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(SshCommandLine.Watchdog);
            start.ArgumentList.Add("sh");
            start.ArgumentList.Add(ssh);
        }

        foreach (var argument in SshCommandLine.Arguments(target, options, port))
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Start();
        SshProcessReaper.Track(process);
        if (OperatingSystem.IsWindows())
        {
            process.BeginOutputReadLine();
            process.StandardInput.Close();
        }

        return new SshTunnel(process, port);
    }

    private async Task<bool> WaitReadyAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var maxPolls = (int)(timeout / PollInterval) + 1;
        for (var poll = 0; poll < maxPolls && clock.Elapsed < timeout; poll++)
        {
            if (HasExited)
            {
                return false;
            }

            if (await AcceptsAsync(cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            await Task.WhenAny(_ended, Task.Delay(PollInterval, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        return false;
    }

    private async Task<bool> AcceptsAsync(CancellationToken cancellationToken)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await probe.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task WatchAsync()
    {
        // Completes once ssh has ended and all of its stderr has been read.
        await _process.WaitForExitAsync().ConfigureAwait(false);
        lock (_lock)
        {
            _exitCode = _process.ExitCode;
        }

        SshProcessReaper.Forget(_process);
    }

    private void OnLine(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (_lock)
        {
            if (SshMessages.TryReadOpenFailure(line, out var reason))
            {
                _failures.Add(new OpenFailure(++_failureCount, reason));
                if (_failures.Count > KeptFailures)
                {
                    _failures.RemoveAt(0);
                }
            }
            else if (!line.StartsWith("Warning: Permanently added", StringComparison.Ordinal))
            {
                _lastLine = line;
            }
        }
    }

    private string LastWords()
    {
        lock (_lock)
        {
            return _lastLine is { } line ? $" (ssh said: {SshMessages.Reason(line)})" : "";
        }
    }

    /// <summary>A port nobody listens on now; ssh binds it a moment later (see <see cref="MaxPortAttempts"/>).</summary>
    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!HasExited)
        {
            SshProcessReaper.Kill(_process);
        }

        try
        {
            await _ended.WaitAsync(ExitWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The kill was sent; a process that does not go within the wait is left to the operating system.
        }

        SshProcessReaper.Forget(_process);
        _process.Dispose();
    }

    private sealed class OpenFailure(long sequence, string reason)
    {
        public long Sequence { get; } = sequence;

        public string Reason { get; } = reason;

        public bool Claimed { get; set; }
    }
}
