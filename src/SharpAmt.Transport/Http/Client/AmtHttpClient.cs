using System.Diagnostics;
using System.Globalization;
using SharpAmt.Transport.Digest;
using SharpAmt.Transport.Net;

namespace SharpAmt.Transport.Http.Client;

/// <summary>
/// HTTP to one device as real consoles do it: one keep-alive connection, digest authentication with the
/// challenge reused under a rising nc, a fresh challenge taken on 401 or stale, the realm pinned, and
/// transient failures retried with backoff until the deadline. Requests are sent one at a time.
/// </summary>
public sealed class AmtHttpClient : IAsyncDisposable
{
    private const int MaxStaleRenewals = 3;

    private readonly AmtHttpClientOptions _options;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private HttpClientConnection? _connection;
    private DigestClientSession? _digest;
    private string? _confirmedRealm;

    public AmtHttpClient(AmtHttpClientOptions options)
    {
        _options = options;
        Endpoint = Endpoints.Format(options.Host, options.Port);
        HostHeader = Endpoint;
    }

    public string Endpoint { get; }

    /// <summary>The host name or address as given.</summary>
    public string Host => _options.Host;

    /// <summary>The <c>Server</c> header of the latest reply (AMT puts its version there).</summary>
    public string? ServerHeader { get; private set; }

    /// <summary>The digest realm the device authenticated with.</summary>
    public string? Realm => _confirmedRealm;

    /// <summary>TCP connections opened so far; keep-alive keeps this at one in the normal case.</summary>
    public int ConnectionsOpened { get; private set; }

    private string HostHeader { get; }

    public async Task<HttpResponse> SendAsync(
        string method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        ReadOnlyMemory<byte> body,
        RequestSafety safety,
        CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await SendLockedAsync(method, path, headers, body, safety, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<HttpResponse> SendLockedAsync(
        string method,
        string path,
        IReadOnlyList<KeyValuePair<string, string>> headers,
        ReadOnlyMemory<byte> body,
        RequestSafety safety,
        CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.Timeout);
        var started = Stopwatch.StartNew();
        var attempt = 0;
        var rejectedCredentials = 0;
        var staleRenewals = 0;
        var refusals = 0;
        AmtConnectionException? lastFailure = null;
        while (true)
        {
            attempt++;
            var connecting = _connection is null;
            try
            {
                _connection ??= await OpenAsync(deadline.Token).ConfigureAwait(false);
                connecting = false;
                var sentCredentials = _digest is not null;
                var requestHeaders = BuildHeaders(method, path, headers, body);
                var response = await _connection.SendAsync(method, path, requestHeaders, body, deadline.Token).ConfigureAwait(false);
                ServerHeader = response.Head.Headers["Server"] ?? ServerHeader;
                if (response.StatusCode == 401)
                {
                    // AMT closes after every 401; a new challenge means a new connection.
                    await DropConnectionAsync().ConfigureAwait(false);
                    var challenge = ReadChallenge(response);
                    CheckRealm(challenge.Realm);
                    if (challenge.Stale)
                    {
                        if (++staleRenewals > MaxStaleRenewals)
                        {
                            throw new AmtProtocolException(ProtocolViolation.MalformedChallenge, "the device declares every nonce stale", Endpoint);
                        }
                    }
                    else if (sentCredentials && ++rejectedCredentials >= 2)
                    {
                        _digest = null;
                        throw new AmtAuthenticationException(Endpoint, _options.Credentials.User,
                            $"{Endpoint}: authentication failed for user '{_options.Credentials.User}': wrong user name or password, or the account is locked after repeated failures");
                    }

                    _digest = new DigestClientSession(challenge, _options.Credentials.User, _options.Credentials.Password);
                    continue;
                }

                if (sentCredentials)
                {
                    ConfirmRealm(_digest!.Challenge.Realm);
                }

                if (!response.KeepAlive)
                {
                    await DropConnectionAsync().ConfigureAwait(false);
                }

                return response;
            }
            catch (AmtConnectionException exception) when (exception.IsTransient && !deadline.IsCancellationRequested)
            {
                await DropConnectionAsync().ConfigureAwait(false);
                lastFailure = exception;
                var safeToRepeat = safety == RequestSafety.Idempotent || connecting || exception.NoReplyOnFreshConnection;
                if (!safeToRepeat)
                {
                    throw new AmtConnectionException(Endpoint, exception.Failure,
                        $"{exception.Message}; not sent again because the device may have acted on it", exception);
                }

                var delay = _options.Retry.DelayBefore(attempt + 1);
                refusals += exception.Failure == ConnectionFailure.Refused ? 1 : 0;
                if (attempt >= _options.Retry.MaxAttempts || refusals >= _options.Retry.MaxAttemptsWhenRefused || started.Elapsed + delay >= _options.Timeout)
                {
                    throw GaveUp(exception, attempt, started.Elapsed);
                }

                try
                {
                    await Task.Delay(delay, deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException cancelled) when (!cancellationToken.IsCancellationRequested)
                {
                    // Thrown inside this catch block, so the handler below would not see it.
                    throw TimedOut(false, exception, attempt, cancelled);
                }
            }
            catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
            {
                var replyStarted = _connection?.ReplyStarted ?? false;
                await DropConnectionAsync().ConfigureAwait(false);
                throw TimedOut(replyStarted, lastFailure, attempt, exception);
            }
            catch (AmtException)
            {
                await DropConnectionAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Closes the kept-alive connection; the next request opens a new one.</summary>
    public async Task CloseConnectionAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await DropConnectionAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<HttpClientConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = await HttpClientConnection.OpenAsync(_options, cancellationToken).ConfigureAwait(false);
        ConnectionsOpened++;
        return connection;
    }

    private HttpHeaders BuildHeaders(string method, string path, IReadOnlyList<KeyValuePair<string, string>> extra, ReadOnlyMemory<byte> body)
    {
        var headers = new HttpHeaders().Add("Host", HostHeader);
        if (_digest is not null)
        {
            headers.Add("Authorization", _digest.Authorize(method, path, body.Span).ToHeaderValue());
        }

        foreach (var header in _options.DefaultHeaders)
        {
            headers.Add(header.Key, header.Value);
        }

        foreach (var header in extra)
        {
            headers.Add(header.Key, header.Value);
        }

        headers.Add("Content-Length", body.Length.ToString(CultureInfo.InvariantCulture));
        return headers;
    }

    private DigestChallenge ReadChallenge(HttpResponse response)
    {
        foreach (var header in response.Head.Headers)
        {
            if (string.Equals(header.Key, "WWW-Authenticate", StringComparison.OrdinalIgnoreCase)
                && DigestChallenge.TryParse(header.Value) is { } challenge)
            {
                return challenge;
            }
        }

        throw new AmtProtocolException(ProtocolViolation.MalformedChallenge, "401 without a Digest challenge", Endpoint);
    }

    private void CheckRealm(string presented)
    {
        var remembered = _confirmedRealm ?? _options.RealmStore?.FindRealm(_options.Host);
        if (remembered is not null && remembered != presented)
        {
            throw new AmtRealmChangedException(Endpoint, remembered, presented, _options.RealmStore?.Location);
        }
    }

    /// <summary>Remembers the realm only once the device has accepted credentials under it.</summary>
    private void ConfirmRealm(string realm)
    {
        if (_confirmedRealm is null)
        {
            _confirmedRealm = realm;
            if (_options.RealmStore?.FindRealm(_options.Host) is null)
            {
                _options.RealmStore?.RememberRealm(_options.Host, realm);
            }
        }
    }

    private AmtConnectionException GaveUp(AmtConnectionException last, int attempts, TimeSpan elapsed) =>
        new(Endpoint, last.Failure,
            $"{last.Message}; gave up after {attempts} attempt{(attempts == 1 ? "" : "s")} in {Endpoints.Seconds(elapsed)}", last);

    private AmtConnectionException TimedOut(bool replyStarted, AmtConnectionException? lastFailure, int attempts, Exception inner)
    {
        var limit = Endpoints.Seconds(_options.Timeout);
        var message = replyStarted
            ? $"{Endpoint}: the reply did not complete within {limit}"
            : lastFailure is null
                ? $"{Endpoint}: no reply within {limit}"
                : $"{Endpoint}: no reply within {limit} after {attempts} attempts (last: {StripEndpoint(lastFailure.Message)})";
        return new AmtConnectionException(Endpoint, ConnectionFailure.TimedOut, message, inner);
    }

    private string StripEndpoint(string message) =>
        message.StartsWith(Endpoint + ": ", StringComparison.Ordinal) ? message[(Endpoint.Length + 2)..] : message;

    private async Task DropConnectionAsync()
    {
        if (_connection is not null)
        {
            var connection = _connection;
            _connection = null;
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropConnectionAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
