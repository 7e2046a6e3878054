using System.Text;
using SharpAmt.Transport.Net;

namespace SharpAmt.Redirection.Sol;

/// <summary>
/// Runs send/expect steps against a SOL session, in the order given (the scripting mode of <c>amt sol</c>).
/// Each expectation searches the output that arrived after the previous match, so a prompt seen once is not
/// matched twice. Output is decoded as UTF-8; everything received goes to the log as raw bytes.
/// </summary>
public sealed class SolScriptRunner
{
    private readonly ISolConsole _session;
    private readonly Stream? _log;
    private readonly StringBuilder _unmatched = new();
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private readonly byte[] _buffer = new byte[4096];
    private readonly char[] _chars = new char[4096 + 4];

    public SolScriptRunner(ISolConsole session, Stream? log = null)
    {
        _session = session;
        _log = log;
    }

    /// <summary>Longest wait for each expectation.</summary>
    public TimeSpan ExpectTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <exception cref="SolExpectationException">An expectation was not met in time, or the session ended first.</exception>
    public async Task RunAsync(IEnumerable<SolScriptStep> steps, CancellationToken cancellationToken = default)
    {
        foreach (var step in steps)
        {
            switch (step)
            {
                case SendStep send:
                    await _session.WriteAsync(send.Data, cancellationToken).ConfigureAwait(false);
                    break;
                case ExpectStep expect:
                    await ExpectAsync(expect, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    private async Task ExpectAsync(ExpectStep expect, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(ExpectTimeout);
        while (true)
        {
            var match = expect.Pattern.Match(_unmatched.ToString());
            if (match.Success)
            {
                _unmatched.Remove(0, match.Index + match.Length);
                return;
            }

            int read;
            try
            {
                read = await _session.ReadAsync(_buffer, limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new SolExpectationException(_session.Endpoint, expect.Pattern.ToString(),
                    $"{_session.Endpoint}: the console did not show /{expect.Pattern}/ within {Endpoints.Seconds(ExpectTimeout)}");
            }

            if (read == 0)
            {
                throw new SolExpectationException(_session.Endpoint, expect.Pattern.ToString(),
                    $"{_session.Endpoint}: the SOL session ended before the console showed /{expect.Pattern}/");
            }

            if (_log is not null)
            {
                await _log.WriteAsync(_buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                await _log.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            var count = _decoder.GetChars(_buffer, 0, read, _chars, 0);
            _unmatched.Append(_chars, 0, count);
        }
    }
}
