using System.Diagnostics;
using Xunit;

namespace SharpAmt.Interop.Tests.Support;

/// <summary>
/// A private tmux server (its own socket name) running one interactive program in a pane, so a test can type
/// into it and read its screen like a person would. Every command has a time limit; disposing kills the
/// server and with it the program, whatever state the test left it in.
/// </summary>
internal sealed class Tmux : IAsyncDisposable
{
    public const string Path = "/usr/bin/tmux";

    private static readonly TimeSpan CommandLimit = TimeSpan.FromSeconds(10);
    private readonly string _socket;
    private readonly string _configuration;

    private Tmux(string socket)
    {
        _socket = socket;
        // remain-on-exit must hold from the server's start: a program that exits at once (a refused login)
        // would otherwise take the session and the server with it before the test can look.
        _configuration = System.IO.Path.Combine(System.IO.Path.GetTempPath(), socket + ".conf");
        File.WriteAllText(_configuration, "set-option -g remain-on-exit on\n");
    }

    public const string Session = "main";

    /// <summary>Starts <paramref name="command"/> in a new detached session with the given environment.</summary>
    public static async Task<Tmux> StartAsync(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        Assert.True(File.Exists(Path), $"tmux is not installed at {Path}; install the package tmux (CI installs it)");
        var tmux = new Tmux($"sharpamt-test-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var arguments = new List<string> { "new-session", "-d", "-s", Session, "-x", "120", "-y", "30" };
        foreach (var (name, value) in environment)
        {
            arguments.Add("-e");
            arguments.Add($"{name}={value}");
        }

        arguments.AddRange(command);
        try
        {
            await tmux.RunAsync(arguments, cancellationToken);
        }
        catch
        {
            await tmux.DisposeAsync();
            throw;
        }

        return tmux;
    }

    public Task SendKeysAsync(CancellationToken cancellationToken, params string[] keys) =>
        RunAsync(["send-keys", "-t", Session, .. keys], cancellationToken);

    public Task<string> ScreenAsync(CancellationToken cancellationToken) => RunAsync(["capture-pane", "-p", "-t", Session], cancellationToken);

    /// <summary>The scrollback and the screen: what scrolled away or was cleared (tmux keeps cleared screens, scroll-on-clear) too.</summary>
    public Task<string> HistoryAsync(CancellationToken cancellationToken) => RunAsync(["capture-pane", "-p", "-S", "-", "-t", Session], cancellationToken);

    /// <summary>Pastes <paramref name="text"/> as a terminal paste does (tmux turns each LF into CR, as a paste from a window would).</summary>
    public async Task PasteAsync(string text, CancellationToken cancellationToken)
    {
        await RunAsync(["set-buffer", "-b", "test-paste", text], cancellationToken);
        await RunAsync(["paste-buffer", "-d", "-b", "test-paste", "-t", Session], cancellationToken);
    }

    /// <summary>Whether the program in the pane has exited.</summary>
    public async Task<bool> HasExitedAsync(CancellationToken cancellationToken) =>
        (await RunAsync(["display-message", "-p", "-t", Session, "#{pane_dead}"], cancellationToken)).Trim() == "1";

    /// <summary>Polls the screen until it contains <paramref name="text"/>, at most <paramref name="limit"/>.</summary>
    public async Task<string> WaitForScreenAsync(string text, TimeSpan limit, CancellationToken cancellationToken, bool withHistory = false)
    {
        var screen = "";
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < limit)
        {
            screen = withHistory ? await HistoryAsync(cancellationToken) : await ScreenAsync(cancellationToken);
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return screen;
            }

            await Task.Delay(50, cancellationToken);
        }

        Assert.Fail($"the screen did not show '{text}' within {limit.TotalSeconds} s; it shows:\n{screen}");
        return screen;
    }

    private async Task<string> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        start.ArgumentList.Add("-f");
        start.ArgumentList.Add(_configuration);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("TMUX");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("tmux did not start");
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(CommandLimit);
        try
        {
            var output = process.StandardOutput.ReadToEndAsync(limit.Token);
            var errors = process.StandardError.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            return process.ExitCode == 0 ? await output : throw new InvalidOperationException($"tmux {string.Join(' ', arguments)}: {await errors}");
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync(["kill-server"], CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            // The server already ended with its last session.
        }

        File.Delete(_configuration);
    }
}
