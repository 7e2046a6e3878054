using System.Globalization;
using SharpAmt.Redirection.Ider.Client;

namespace SharpAmt.Cli.Commands.Ider;

/// <summary>
/// The live line on a terminal's stderr while <c>amt ider</c> serves: bytes served, rate and the last sector read,
/// redrawn in place twice a second. Nothing is drawn when stderr is not a terminal (logs stay clean).
/// </summary>
internal sealed class IderProgressLine : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    private readonly IderSession _session;
    private readonly TextWriter _error;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _drawing;

    private IderProgressLine(IderSession session, TextWriter error)
    {
        _session = session;
        _error = error;
        _drawing = DrawAsync();
    }

    public static IderProgressLine? StartIfTerminal(IderSession session, TextWriter error, bool isTerminal) =>
        isTerminal ? new IderProgressLine(session, error) : null;

    public static string Describe(IderProgress progress, string drive) => string.Create(CultureInfo.InvariantCulture,
        $"{drive}: {progress.BytesServed / 1048576.0:F1} MiB served at {progress.BytesPerSecond / 1e6:F1} MB/s, {progress.ReadCommands} reads, last LBA {progress.LastLba}");

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _drawing;
        _stopping.Dispose();
        // Clears the line so the summary starts on a clean one.
        await _error.WriteAsync("\r\u001b[K");
        await _error.FlushAsync();
    }

    private async Task DrawAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            // Bounded by the session: the command disposes this line when it stops serving.
            while (await timer.WaitForNextTickAsync(_stopping.Token))
            {
                var cd = _session.GetProgress(AtapiDeviceKind.Cdrom);
                var floppy = _session.GetProgress(AtapiDeviceKind.Floppy);
                var line = floppy.BytesServed > 0 && cd.BytesServed == 0 ? Describe(floppy, "floppy") : Describe(cd, "CD");
                await _error.WriteAsync("\r\u001b[K" + line);
                await _error.FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // Serving ended.
        }
    }
}
