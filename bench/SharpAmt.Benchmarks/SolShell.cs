using System.Text;
using SharpAmt.Redirection.Sol;

namespace SharpAmt.Benchmarks;

/// <summary>
/// Drives the simulated host's console to a shell prompt and measures keystrokes there: each printable key
/// typed at the prompt comes back as its echo from the line editor, which is what a person feels when typing
/// over SOL. Lines are abandoned with Ctrl-C before the editor's length limit, outside the measurement.
/// </summary>
internal sealed class SolShell
{
    /// <summary>Keys typed on one line before it is abandoned; under the line editor's 255.</summary>
    private const int KeysPerLine = 200;

    private static readonly TimeSpan StepLimit = TimeSpan.FromSeconds(30);
    private readonly SolSession _session;
    private readonly byte[] _key = new byte[1];
    private readonly byte[] _buffer = new byte[4096];
    private int _onLine;

    public SolShell(SolSession session)
    {
        _session = session;
    }

    /// <summary>Logs in on the serial getty as the simulated OS's user and waits for the prompt.</summary>
    public async Task LogInAsync(CancellationToken cancellationToken)
    {
        await new SolScriptRunner(_session) { ExpectTimeout = StepLimit }.RunAsync(
        [
            SolScriptStep.Send(@"\r"), SolScriptStep.Expect("login: $"),
            SolScriptStep.Send(@"user\r"), SolScriptStep.Expect("Password: $"),
            SolScriptStep.Send(@"user\r"), SolScriptStep.Expect(@"\$ $"),
        ], cancellationToken);
    }

    /// <summary>Types one printable key and waits for exactly its echo; returns the round trip.</summary>
    public async Task<TimeSpan> KeystrokeAsync(int index, CancellationToken cancellationToken)
    {
        if (_onLine == KeysPerLine)
        {
            await AbandonLineAsync(cancellationToken);
        }

        _key[0] = (byte)('a' + index % 26);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await _session.WriteAsync(_key, cancellationToken);
        var read = await _session.ReadAsync(_buffer.AsMemory(0, 1), cancellationToken);
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        if (read != 1 || _buffer[0] != _key[0])
        {
            throw new InvalidOperationException($"expected the echo of '{(char)_key[0]}', got {read} bytes");
        }

        _onLine++;
        return elapsed;
    }

    /// <summary>Ctrl-C: the editor prints ^C and a new prompt.</summary>
    private async Task AbandonLineAsync(CancellationToken cancellationToken)
    {
        await _session.WriteAsync(new byte[] { 0x03 }, cancellationToken);
        var seen = new StringBuilder();
        for (var i = 0; i < 1000 && !seen.ToString().EndsWith("$ ", StringComparison.Ordinal); i++)
        {
            var read = await _session.ReadAsync(_buffer, cancellationToken);
            if (read == 0)
            {
                throw new InvalidOperationException("the SOL session ended while waiting for the prompt");
            }

            seen.Append(Encoding.ASCII.GetString(_buffer, 0, read));
        }

        _onLine = 0;
    }
}
