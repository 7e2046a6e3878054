using SharpAmt.Cli.Output;
using SharpAmt.Redirection.Sol;

namespace SharpAmt.Cli.Commands.Sol;

/// <summary>
/// The interactive console: keys go to the host as they are pressed (no local echo or line editing, since the
/// host echoes), the host's output goes to stdout unchanged, and Ctrl-] (0x1D, as in amtterm and telnet)
/// leaves. This is the one place that reads the keyboard directly: raw key input has no place in CliEnvironment.
/// </summary>
internal static class SolTerminal
{
    /// <summary>Keys sent in one message at most; a longer paste takes several.</summary>
    private const int MaxKeysPerMessage = 512;

    /// <summary>How often the keyboard is looked at while idle; well under what a typist notices.</summary>
    private static readonly TimeSpan KeyPoll = TimeSpan.FromMilliseconds(5);

    public static async Task RunAsync(ISolConsole session, CliOutput output, Stream? log, CancellationToken cancellationToken)
    {
        output.Diagnostic($"connected to {session.Endpoint} (SOL); press Ctrl-] to leave");
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var previous = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            var keyboard = Task.Run(() => KeyboardAsync(session, leaving), CancellationToken.None);
            var screen = ScreenAsync(session, log, leaving.Token);
            var first = await Task.WhenAny(keyboard, screen);
            await leaving.CancelAsync();
            await Task.WhenAll(Quietly(keyboard), Quietly(screen));
            await first; // a dropped connection surfaces here as the command's error
        }
        finally
        {
            Console.TreatControlCAsInput = previous;
            output.Diagnostic("");
        }
    }

    private static async Task KeyboardAsync(ISolConsole session, CancellationTokenSource leaving)
    {
        var typed = new List<byte>(MaxKeysPerMessage);
        // Bounded by the session: ends on Ctrl-], on cancellation, or when the screen side stops.
        while (!leaving.IsCancellationRequested)
        {
            if (!Console.KeyAvailable)
            {
                await Task.Delay(KeyPoll, leaving.Token);
                continue;
            }

            // A paste arrives as many keys at once: they go out together, in order, in one message.
            typed.Clear();
            var escaped = false;
            for (var i = 0; i < MaxKeysPerMessage && !escaped && Console.KeyAvailable; i++)
            {
                var key = Console.ReadKey(intercept: true);
                escaped = KeyBytes.IsEscape(key);
                if (!escaped)
                {
                    typed.AddRange(KeyBytes.For(key));
                }
            }

            if (typed.Count > 0)
            {
                await session.WriteAsync(typed.ToArray(), leaving.Token);
            }

            if (escaped)
            {
                return;
            }
        }
    }

    private static async Task ScreenAsync(ISolConsole session, Stream? log, CancellationToken cancellationToken)
    {
        var stdout = Console.OpenStandardOutput();
        var buffer = new byte[4096];
        int read;
        while ((read = await session.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stdout.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            await stdout.FlushAsync(cancellationToken);
            if (log is not null)
            {
                await log.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
    }

    private static async Task Quietly(Task task)
    {
        try
        {
            await task;
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception)
        {
            // Reported through the first task to finish.
        }
    }
}
