using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Redirection.Kvm.Device;

/// <summary>
/// One KVM session's view of the host's screen: it passes everything through, notes when the viewer last pressed a key
/// or used the pointer, and ends the session once none came for the session timeout.
/// <para>
/// Only keys and pointer count as activity. AMT closes a session after about three minutes in which nobody "moved the
/// mouse or typed" (device-management-toolkit/console#815), although the toolkit's viewer asks for a new frame after
/// every frame it draws (ui-toolkit <c>Encoding.ts</c>), and the relay log of mps#2495 shows screen data flowing right up
/// to the close; so update requests do not keep a session open. Whether clipboard messages (the KvmDataChannel
/// keep-alive) do is unconfirmed; here they do not.
/// </para>
/// </summary>
internal sealed class KvmIdleWatch(IRfbScreen screen, TimeProvider time) : IRfbScreen
{
    private long _lastInput = time.GetUtcNow().UtcTicks;
    private int _expired;

    /// <summary>True once the watch ended the session for want of input.</summary>
    public bool Expired => Volatile.Read(ref _expired) != 0;

    public RfbScreenSize Size => screen.Size;

    public long Version => screen.Version;

    public long CopyTo(Span<uint> destination, out RfbScreenSize size) => screen.CopyTo(destination, out size);

    public Task WaitForChangeAsync(long version, CancellationToken cancellationToken) => screen.WaitForChangeAsync(version, cancellationToken);

    public void Key(uint keysym, bool down)
    {
        Touch();
        screen.Key(keysym, down);
    }

    public void Pointer(int x, int y, RfbPointerButtons buttons)
    {
        Touch();
        screen.Pointer(x, y, buttons);
    }

    /// <summary>
    /// Checks until the session has been idle for <paramref name="timeout"/> and then cancels <paramref name="session"/>,
    /// or until <paramref name="session"/> is cancelled by its end. The timeout is asked for at every check, so a changed
    /// setting applies to running sessions; a check comes at the latest after <paramref name="checkInterval"/>.
    /// </summary>
    /// <param name="timeout">The session timeout now; null or not positive for never.</param>
    public async Task WatchAsync(Func<TimeSpan?> timeout, TimeSpan checkInterval, CancellationTokenSource session)
    {
        var cancellationToken = session.Token;
        while (!cancellationToken.IsCancellationRequested)
        {
            var idle = time.GetUtcNow() - new DateTimeOffset(Volatile.Read(ref _lastInput), TimeSpan.Zero);
            var wait = checkInterval;
            if (timeout() is { } limit && limit > TimeSpan.Zero)
            {
                if (idle >= limit)
                {
                    Volatile.Write(ref _expired, 1);
                    await session.CancelAsync().ConfigureAwait(false);
                    return;
                }

                // Waking exactly at the deadline, not at the next interval, closes the session when the timeout says.
                wait = TimeSpan.FromTicks(Math.Min(wait.Ticks, (limit - idle).Ticks));
            }

            try
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private void Touch() => Volatile.Write(ref _lastInput, time.GetUtcNow().UtcTicks);
}
