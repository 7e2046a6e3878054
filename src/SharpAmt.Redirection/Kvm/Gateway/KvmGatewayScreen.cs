using System.Diagnostics;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Redirection.Kvm.Gateway;

/// <summary>
/// The device's screen as the gateway serves it to viewers: the picture of the current <see cref="KvmSession"/>,
/// with keys and pointer going to the device. When the session ends (the device dropped it, the ME reset) the last
/// picture stays on show and the screen reconnects with bounded backoff, so viewers stay connected; the new
/// session's first picture counts as a change, and a different size reaches viewers as DesktopSize. One session
/// serves every viewer: AMT allows one KVM session per device anyway.
/// </summary>
public sealed class KvmGatewayScreen : IRfbScreen, IRfbChangeTracking, IAsyncDisposable
{
    /// <summary>A bound on one wait's rounds; each round waits for a change or a session switch, so this is never reached in practice.</summary>
    private const int MaxWaitRounds = 1_000_000;

    private readonly Func<CancellationToken, Task<KvmSession>> _reconnect;
    private readonly KvmReconnectPolicy _policy;
    private readonly Action<KvmGatewayEvent>? _events;
    private readonly Lock _sync = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _watching;
    private KvmSession? _session;
    private long _offset;
    private KvmSnapshot _last;
    private TaskCompletionSource _switched = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Exception? _gaveUp;
    private int _reconnects;
    private int _disposed;

    /// <param name="session">The session to serve first; the screen owns it from now on.</param>
    /// <param name="reconnect">Opens a new session after a loss (preparing consent again if the device needs it).</param>
    /// <param name="policy">Backoff and time limit; <see cref="KvmReconnectPolicy.Default"/> when null.</param>
    /// <param name="events">Told of each loss, failed attempt, reconnection and the end; called from a background task.</param>
    public KvmGatewayScreen(KvmSession session, Func<CancellationToken, Task<KvmSession>> reconnect, KvmReconnectPolicy? policy = null, Action<KvmGatewayEvent>? events = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(reconnect);
        _session = session;
        _reconnect = reconnect;
        _policy = policy ?? KvmReconnectPolicy.Default;
        _events = events;
        _last = new KvmSnapshot(default, 0, []);
        _watching = Task.Run(() => WatchAsync(_stopping.Token), CancellationToken.None);
    }

    /// <summary>The session serving now; null while reconnecting or after giving up.</summary>
    public KvmSession? Session
    {
        get
        {
            lock (_sync)
            {
                return _session;
            }
        }
    }

    /// <summary>Sessions opened after a loss.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>Completes when the screen gave up reconnecting (faulted with the reason) or was disposed.</summary>
    public Task Completion => _watching;

    public RfbScreenSize Size
    {
        get
        {
            lock (_sync)
            {
                return _session?.Size ?? _last.Size;
            }
        }
    }

    public long Version
    {
        get
        {
            lock (_sync)
            {
                return _session is { } session ? _offset + session.Version : _last.Version;
            }
        }
    }

    public long CopyTo(Span<uint> destination, out RfbScreenSize size)
    {
        var (session, offset, last) = Current();
        if (session is null)
        {
            size = last.Size;
            if (destination.Length >= size.Pixels)
            {
                last.Pixels.AsSpan(0, size.Pixels).CopyTo(destination);
            }

            return last.Version;
        }

        // Outside the lock: the session copies under its own, and a switch meanwhile only makes this copy one update old.
        return offset + session.CopyTo(destination, out size);
    }

    public bool TryCopyChanges(Span<uint> destination, long since, RfbScreenSize size, ICollection<RfbRectangle> changed, out long version)
    {
        var (session, offset, last) = Current();
        version = session is null ? last.Version : since;
        if (session is null)
        {
            // The kept picture never changes; anything else is a copy from another session.
            return since == last.Version && size == last.Size;
        }

        // A version from before the switch maps below zero, or to the new session's start: either way it copies everything.
        var held = since - offset;
        if (held < 0 || !session.TryCopyChanges(destination, held, size, changed, out var sessionVersion))
        {
            return false;
        }

        version = offset + sessionVersion;
        return true;
    }

    /// <summary>The session serving now with its version offset, or none and the picture kept from the last one.</summary>
    private (KvmSession? Session, long Offset, KvmSnapshot Last) Current()
    {
        lock (_sync)
        {
            return (_session, _offset, _last);
        }
    }

    /// <summary>Completes once <see cref="Version"/> differs from <paramref name="version"/>; throws once the screen gave up.</summary>
    public async Task WaitForChangeAsync(long version, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxWaitRounds; round++)
        {
            KvmSession? session;
            long sessionVersion;
            Task switched;
            lock (_sync)
            {
                if (Version != version)
                {
                    return;
                }

                if (_gaveUp is { } reason)
                {
                    throw new KvmGatewayClosedException(reason);
                }

                session = _session;
                sessionVersion = version - _offset;
                switched = _switched.Task;
            }

            if (session is null)
            {
                await switched.WaitAsync(cancellationToken).ConfigureAwait(false);
                continue;
            }

            var change = session.WaitForChangeAsync(sessionVersion, cancellationToken);
            await Task.WhenAny(change, switched).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (change.IsFaulted)
            {
                // The session ended; the watcher is about to switch. Waiting for that, not on the dead session, avoids a spin.
                _ = change.Exception;
                await switched.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Goes to the device; dropped while reconnecting, as a key pressed on a frozen viewer would be.</summary>
    public void Key(uint keysym, bool down)
    {
        if (Session is IRfbScreen session)
        {
            session.Key(keysym, down);
        }
    }

    public void Pointer(int x, int y, RfbPointerButtons buttons)
    {
        if (Session is IRfbScreen session)
        {
            session.Pointer(x, y, buttons);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _watching.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is KvmGatewayClosedException or OperationCanceledException)
        {
            // Given up before (the reason went out through the events), or stopped mid-reconnection by this disposal.
        }

        KvmSession? session;
        lock (_sync)
        {
            session = _session;
            _session = null;
            _gaveUp ??= new ObjectDisposedException(nameof(KvmGatewayScreen));
        }

        Switch();
        if (session is not null)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }

        _stopping.Dispose();
    }

    private async Task WatchAsync(CancellationToken cancellationToken)
    {
        // Each round is one session's life and its replacement; the policy's time limit ends any run of failures.
        while (!cancellationToken.IsCancellationRequested)
        {
            var session = Session!;
            Exception? lost = null;
            try
            {
                await session.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                lost = exception;
            }

            var picture = session.Snapshot();
            lock (_sync)
            {
                _last = picture with { Version = _offset + picture.Version };
                _session = null;
            }

            Switch();
            Report(new KvmGatewayEvent(KvmGatewayEventKind.Lost, 0, lost?.Message ?? "the KVM session ended", lost));
            await session.DisposeAsync().ConfigureAwait(false);

            var next = await ReconnectAsync(cancellationToken).ConfigureAwait(false);
            lock (_sync)
            {
                // The new session's versions continue past the kept picture's, so every viewer sees a change.
                _offset = _last.Version + 1 - next.Version;
                _session = next;
            }

            Interlocked.Increment(ref _reconnects);
            Switch();
            Report(new KvmGatewayEvent(KvmGatewayEventKind.Reconnected, _reconnects, $"KVM session back ({next.Size.Width}×{next.Size.Height}, {next.Format})"));
        }
    }

    private async Task<KvmSession> ReconnectAsync(CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        // Bounded by time rather than count: GiveUpAfter ends the attempts however long each one takes.
        for (var attempt = 1; ; attempt++)
        {
            var delay = _policy.DelayBefore(attempt);
            if (elapsed.Elapsed + delay > _policy.GiveUpAfter)
            {
                throw GiveUp(new TimeoutException($"the KVM session could not be reopened within {_policy.GiveUpAfter.TotalSeconds:0.#} s"));
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            try
            {
                return await _reconnect(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception) when (_policy.IsFatal(exception))
            {
                throw GiveUp(exception);
            }
            catch (Exception exception)
            {
                Report(new KvmGatewayEvent(KvmGatewayEventKind.AttemptFailed, attempt, exception.Message, exception));
            }
        }
    }

    private KvmGatewayClosedException GiveUp(Exception reason)
    {
        lock (_sync)
        {
            _gaveUp = reason;
        }

        Switch();
        Report(new KvmGatewayEvent(KvmGatewayEventKind.GaveUp, 0, reason.Message, reason));
        return new KvmGatewayClosedException(reason);
    }

    /// <summary>Wakes every waiter to look at the new state.</summary>
    private void Switch()
    {
        TaskCompletionSource switched;
        lock (_sync)
        {
            switched = _switched;
            _switched = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        switched.TrySetResult();
    }

    private void Report(KvmGatewayEvent gatewayEvent)
    {
        try
        {
            _events?.Invoke(gatewayEvent);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A listener's failure must not stop the reconnection it is being told about.
        }
    }
}
