using SharpAmt.Redirection.Device;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Kvm.Server;
using SharpAmt.Redirection.Kvm.Wire;
using SharpAmt.Redirection.Wire;

namespace SharpAmt.Redirection.Kvm.Device;

/// <summary>
/// KVM on the device side (reference §6.6): after the "KVMR" start and the login, answers
/// <c>40 00 00 00 00 00 00 00</c> with <c>41 00 00 00 00 00 00 00</c> and hands the connection to
/// <see cref="RfbServer"/> as raw RFB. One KVM session at a time.
/// <para>
/// Refusals: at 0x10, a disabled KVM is answered UNSUPPORTED (what a Standard Manageability SKU answers, MeshCommander
/// code 3) and an open session BUSY (code 2). Consent is checked at 0x40, after the login, so that nobody learns the
/// consent state without the password: when it is required and not granted the device closes the connection instead
/// of sending 0x41. What real firmware does then is unconfirmed; closing before any RFB byte is what a viewer reports
/// as a failed start, never as a session that was open. KVM disabled between 0x11 and 0x40 is closed the same way.
/// </para>
/// <para>
/// An open session is closed, as AMT does, once <see cref="SessionTimeout"/> passes without a key or pointer event from
/// the viewer (see <see cref="KvmIdleWatch"/> for what counts); the viewer sees the connection close like any other end.
/// </para>
/// </summary>
public sealed class KvmDeviceFeature : IRedirectionDeviceFeature
{
    private readonly IRfbScreen _screen;
    private readonly Func<KvmStartRefusal> _mayStart;
    private int _open;

    /// <param name="screen">The host's monitor.</param>
    /// <param name="mayStart">Asked at 0x10 and again at 0x40: whether KVM may start now, or why not.</param>
    /// <param name="server">The RFB server flavour; <see cref="RfbServerOptions.AmtKvm"/> when null.</param>
    public KvmDeviceFeature(IRfbScreen screen, Func<KvmStartRefusal> mayStart, RfbServerOptions? server = null)
    {
        ArgumentNullException.ThrowIfNull(screen);
        ArgumentNullException.ThrowIfNull(mayStart);
        _screen = screen;
        _mayStart = mayStart;
        Server = server ?? RfbServerOptions.AmtKvm();
    }

    public RfbServerOptions Server { get; }

    /// <summary>Longest wait for the 0x40 after login.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>True while a KVM session holds the screen.</summary>
    public bool IsOpen => Volatile.Read(ref _open) != 0;

    /// <summary>Told when a session has been granted the screen (the simulator marks consent as in use).</summary>
    public Action? OnSessionStart { get; init; }

    /// <summary>Told how each session ended (the simulator's event log).</summary>
    public Action<RfbSessionEnd>? OnSessionEnd { get; init; }

    /// <summary>
    /// The session timeout (IPS_KVMRedirectionSettingData.SessionTimeout): how long a session may go without a key or
    /// pointer event before the device closes it (<see cref="RfbSessionEnd.SessionTimeout"/>); null or not positive for
    /// never. Asked at every check, so a change applies to running sessions. Without it (null) sessions are not watched.
    /// </summary>
    public Func<TimeSpan?>? SessionTimeout { get; init; }

    /// <summary>The longest time between two checks of <see cref="SessionTimeout"/>, so a changed setting takes hold soon.</summary>
    public TimeSpan SessionTimeoutCheckInterval
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            field = value;
        }
    } = TimeSpan.FromMinutes(1);

    /// <summary>The clock the session timeout runs on.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public RedirectionStatus CanStart() =>
        _mayStart() == KvmStartRefusal.Disabled ? RedirectionStatus.Unsupported
        : IsOpen ? RedirectionStatus.Busy
        : RedirectionStatus.Success;

    public async Task RunAsync(RedirectionChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        channel.Table = KvmFrames.Table;
        var first = await RedirectionDeviceSession.ReadAsync(channel, StartTimeout, cancellationToken).ConfigureAwait(false);
        if (first is not { } start || start.Type != KvmStart.Request.Type)
        {
            return;
        }

        if (_mayStart() != KvmStartRefusal.None || !TryOpen())
        {
            return;
        }

        try
        {
            await channel.SendAsync(KvmStart.Reply, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Release();
            throw;
        }

        var stream = channel.Detach();
        await using (stream.ConfigureAwait(false))
        {
            await ServeAsync(stream, Server, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Serves the same screen as plain RFB on another port (AMT's 5900, with VNC authentication in
    /// <paramref name="server"/>), sharing the one-session rule: false, serving nothing, while a session is open or
    /// KVM may not start.
    /// </summary>
    public async Task<bool> TryServeDirectAsync(Stream stream, RfbServerOptions server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(server);
        if (_mayStart() != KvmStartRefusal.None || !TryOpen())
        {
            return false;
        }

        await ServeAsync(stream, server, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private bool TryOpen() => Interlocked.CompareExchange(ref _open, 1, 0) == 0;

    private void Release() => Volatile.Write(ref _open, 0);

    /// <summary>
    /// Runs one session that holds the screen, closing it when the session timeout passes without input; the screen is
    /// free again before anyone hears that it ended.
    /// </summary>
    private async Task ServeAsync(Stream stream, RfbServerOptions server, CancellationToken cancellationToken)
    {
        var end = RfbSessionEnd.Stopped;
        using var session = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var screen = new KvmIdleWatch(_screen, Time);
        var watching = SessionTimeout is { } timeout ? screen.WatchAsync(timeout, SessionTimeoutCheckInterval, session) : Task.CompletedTask;
        try
        {
            OnSessionStart?.Invoke();
            end = await RfbServer.ServeAsync(stream, screen, server, session.Token).ConfigureAwait(false);
            if (end == RfbSessionEnd.Stopped && screen.Expired && !cancellationToken.IsCancellationRequested)
            {
                end = RfbSessionEnd.SessionTimeout;
            }
        }
        finally
        {
            await session.CancelAsync().ConfigureAwait(false);
            await watching.ConfigureAwait(false);
            Release();
            OnSessionEnd?.Invoke(end);
        }
    }
}
