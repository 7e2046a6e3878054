using System.Diagnostics;
using System.Runtime.ExceptionServices;
using SharpAmt.Redirection.Session;
using SharpAmt.Transport;
using SharpAmt.Transport.Net;

namespace SharpAmt.Redirection.Sol;

/// <summary>
/// A SOL console that survives the device dropping its connection: when a read or write finds the connection
/// gone, it raises <see cref="ConnectionLost"/>, opens a new session with growing pauses (bounded by
/// <see cref="SolReconnectPolicy"/>), raises <see cref="Reconnected"/> and carries on. A host reset does not
/// drop SOL, so only an ME reset, a firmware update or the network brings this about. Output the host wrote
/// while no session was attached is lost, as it is for any SOL client. Failures that another attempt cannot
/// fix (a refused login, SOL switched off) end the session at once.
/// </summary>
public sealed class ReconnectingSolSession : ISolConsole
{
    private readonly RedirectionClientOptions _client;
    private readonly SolSessionOptions _sol;
    private readonly SolReconnectPolicy _policy;
    private readonly SemaphoreSlim _recovering = new(1, 1);
    private SolSession _current;
    private Exception? _gaveUp;
    private int _closed;

    private ReconnectingSolSession(SolSession first, RedirectionClientOptions client, SolSessionOptions sol, SolReconnectPolicy policy)
    {
        _current = first;
        _client = client;
        _sol = sol;
        _policy = policy;
    }

    /// <summary>Raised when the connection was found dropped, before reconnecting starts (with why it dropped).</summary>
    public event Action<AmtException>? ConnectionLost;

    /// <summary>Raised when a new session has taken over.</summary>
    public event Action? Reconnected;

    public string Endpoint => _client.Endpoint;

    /// <summary>The session in use now; another one after each reconnection.</summary>
    public SolSession Current => Volatile.Read(ref _current);

    /// <summary>How many times the console was reconnected.</summary>
    public int Reconnections { get; private set; }

    /// <summary>Opens the first session; failures here (busy, wrong password, unreachable) are not retried.</summary>
    public static async Task<ReconnectingSolSession> OpenAsync(RedirectionClientOptions client, SolSessionOptions? sol = null, SolReconnectPolicy? policy = null,
        CancellationToken cancellationToken = default)
    {
        var options = sol ?? SolSessionOptions.Default;
        var first = await SolSession.OpenAsync(client, options, cancellationToken).ConfigureAwait(false);
        return new ReconnectingSolSession(first, client, options, policy ?? SolReconnectPolicy.Default);
    }

    /// <exception cref="AmtConnectionException">The connection dropped and could not be restored in time.</exception>
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        for (var losses = 0; ; losses++)
        {
            ThrowIfGaveUp();
            var session = Current;
            try
            {
                return await session.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            catch (AmtConnectionException lost) when (Volatile.Read(ref _closed) == 0 && losses < _policy.MaxLossesPerCall)
            {
                await RecoverAsync(session, lost, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Sends keystrokes; when the connection is found dropped, they go to the session that replaces it.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        for (var losses = 0; ; losses++)
        {
            ThrowIfGaveUp();
            var session = Current;
            try
            {
                await session.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (exception is AmtConnectionException or ObjectDisposedException
                && Volatile.Read(ref _closed) == 0 && losses < _policy.MaxLossesPerCall)
            {
                var lost = exception as AmtConnectionException
                    ?? new AmtConnectionException(Endpoint, ConnectionFailure.Reset, $"{Endpoint}: the device closed the SOL session");
                await RecoverAsync(session, lost, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        Interlocked.Exchange(ref _closed, 1);
        await Current.CloseAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Interlocked.Exchange(ref _closed, 1);
        await Current.DisposeAsync().ConfigureAwait(false);
    }

    private void ThrowIfGaveUp()
    {
        if (_gaveUp is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>
    /// Replaces <paramref name="failed"/> once, however many readers and writers found it dropped: the first one
    /// in reconnects, the others find a new session already in place.
    /// </summary>
    private async Task RecoverAsync(SolSession failed, AmtConnectionException cause, CancellationToken cancellationToken)
    {
        await _recovering.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfGaveUp();
            if (!ReferenceEquals(Current, failed))
            {
                return;
            }

            ConnectionLost?.Invoke(cause);
            await failed.DisposeAsync().ConfigureAwait(false);
            var next = await ReconnectAsync(cause, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _current, next);
            Reconnections++;
            Reconnected?.Invoke();
        }
        finally
        {
            _recovering.Release();
        }
    }

    private async Task<SolSession> ReconnectAsync(AmtConnectionException cause, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        var delay = _policy.FirstDelay;
        Exception last = cause;
        for (var attempt = 0; attempt < _policy.MaxAttempts; attempt++)
        {
            var remaining = _policy.GiveUpAfter - elapsed.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            await Task.Delay(delay < remaining ? delay : remaining, cancellationToken).ConfigureAwait(false);
            remaining = _policy.GiveUpAfter - elapsed.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }

            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(remaining);
            try
            {
                return await SolSession.OpenAsync(_client, _sol, limit.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested && IsWorthRetrying(exception))
            {
                last = exception;
            }
            catch (AmtException exception)
            {
                // A refused login or SOL switched off: no later attempt will fare better.
                _gaveUp = exception;
                throw;
            }

            delay = delay * 2 < _policy.MaxDelay ? delay * 2 : _policy.MaxDelay;
        }

        var reason = last is OperationCanceledException ? "the last attempt timed out" : last.Message;
        var failure = new AmtConnectionException(Endpoint, ConnectionFailure.TimedOut,
            $"{Endpoint}: the SOL connection was lost and not restored within {Endpoints.Seconds(_policy.GiveUpAfter)} (last attempt: {reason})", last);
        _gaveUp = failure;
        throw failure;
    }

    /// <summary>
    /// What an ME coming back looks like: connections refused or reset, no reply in time, BUSY while the old
    /// session is still being torn down, or garbage from a half-started firmware.
    /// </summary>
    private static bool IsWorthRetrying(Exception exception) => exception switch
    {
        AmtConnectionException connection => connection.IsTransient,
        RedirectionRefusedException refused => refused.IsBusy,
        AmtProtocolException => true,
        OperationCanceledException => true,
        _ => false,
    };
}
