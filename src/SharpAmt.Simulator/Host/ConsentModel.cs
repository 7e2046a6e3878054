using System.Globalization;
using System.Security.Cryptography;
using SharpAmt.Redirection.Device;
using SharpAmt.Redirection.Wire;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Host;

/// <summary>
/// User consent (IPS_OptInService, reference section 4.4): the policy, and the flow in which a six-digit code
/// is shown on the host's screen and must be typed back before it times out. Safe to use from any thread: the
/// WS-Man handlers, the redirection sessions and its own timers all change it.
/// <para>
/// KVM needs consent under either policy ("KVM only" or "all"), SOL and IDE-R only under "all" (MeshCommander's
/// rule). In client control mode the policy is fixed at "all", as firmware makes consent mandatory there.
/// </para>
/// <para>
/// One grant covers every session that starts while it stands: the first moves it to InSession, later ones join
/// (MeshCommander asks for no code while the state is Received or InSession), and it is used up when the last of
/// them ends, so the next session needs a new code. So an IDE-R boot watched over SOL costs one code when the
/// second session opens while the first runs. That firmware counts sessions this way is unconfirmed; that each
/// KVM session needs a new code is what real consoles expect.
/// </para>
/// </summary>
public sealed class ConsentModel : IRedirectionConsent
{
    /// <summary>Wrong codes after which the flow is cancelled, as firmware does to stop guessing.</summary>
    public const int MaxWrongCodes = 3;

    private readonly Lock _sync = new();
    private readonly TimeProvider _time;
    private uint _required;
    private TimeSpan _codeTimeout = TimeSpan.FromSeconds(120);
    private TimeSpan _grantedTimeout = TimeSpan.FromMinutes(2);
    private OptInState _state;
    private DateTimeOffset _stateSince;
    private int _wrongCodes;
    private int _sessions;
    private long _grant;
    private string? _code;
    private ITimer? _expiry;

    /// <param name="canModifyPolicy">False in client control mode, where consent is required for all redirection.</param>
    public ConsentModel(TimeProvider time, bool canModifyPolicy)
    {
        _time = time;
        CanModifyPolicy = canModifyPolicy;
        _required = canModifyPolicy ? OptIn.RequiredKvm : OptIn.RequiredAll;
    }

    /// <summary>
    /// Raised after every change of <see cref="State"/>, outside the model's lock: the code appearing (Displayed) or
    /// going (granted, cancelled, expired, given wrong too often), a session starting under the grant or using it up.
    /// </summary>
    public event Action? Changed;

    /// <summary>OptInRequired: 0 none, 1 KVM only, 0xFFFFFFFF all redirection.</summary>
    /// <exception cref="InvalidOperationException">Set to anything but "all" in client control mode.</exception>
    public uint Required
    {
        get
        {
            lock (_sync)
            {
                return _required;
            }
        }

        set
        {
            if (!CanModifyPolicy && value != OptIn.RequiredAll)
            {
                throw new InvalidOperationException("client control mode requires consent for all redirection");
            }

            lock (_sync)
            {
                _required = value;
            }
        }
    }

    public bool CanModifyPolicy { get; }

    /// <summary>OptInCodeTimeout: how long a displayed code can be entered.</summary>
    public TimeSpan CodeTimeout
    {
        get
        {
            lock (_sync)
            {
                return _codeTimeout;
            }
        }

        set => SetTimeout(ref _codeTimeout, value);
    }

    /// <summary>OptInDisplayTimeout.</summary>
    public TimeSpan DisplayTimeout { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>How long granted consent waits for a redirection session to start.</summary>
    public TimeSpan GrantedTimeout
    {
        get
        {
            lock (_sync)
            {
                return _grantedTimeout;
            }
        }

        set => SetTimeout(ref _grantedTimeout, value);
    }

    /// <summary>The code on the host's screen while the flow waits for it; null otherwise.</summary>
    public string? DisplayedCode
    {
        get
        {
            string? code;
            bool changed;
            lock (_sync)
            {
                changed = ExpireIfDue();
                code = _state == OptInState.Displayed ? _code : null;
            }

            Notify(changed);
            return code;
        }
    }

    public OptInState State
    {
        get
        {
            OptInState state;
            bool changed;
            lock (_sync)
            {
                changed = ExpireIfDue();
                state = _state;
            }

            Notify(changed);
            return state;
        }
    }

    /// <summary>StartOptIn: 0 with a new code displayed, 2 when a flow is already under way.</summary>
    public uint Start()
    {
        lock (_sync)
        {
            ExpireIfDue();
            if (_state != OptInState.NotStarted)
            {
                return OptIn.InvalidState;
            }

            _code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
            _wrongCodes = 0;
            Move(OptInState.Displayed);
        }

        Notify(changed: true);
        return 0;
    }

    /// <summary>
    /// SendOptInCode: 0 when the code matches, 2 when no code is displayed, 2066 for a wrong code. After
    /// <see cref="MaxWrongCodes"/> wrong codes the flow returns to NotStarted.
    /// </summary>
    public uint SendCode(string code)
    {
        uint result;
        bool changed;
        lock (_sync)
        {
            changed = ExpireIfDue();
            if (_state is not (OptInState.Displayed or OptInState.Requested))
            {
                result = OptIn.InvalidState;
            }
            else if (!string.Equals(code.Trim(), _code, StringComparison.Ordinal))
            {
                if (++_wrongCodes >= MaxWrongCodes)
                {
                    Move(OptInState.NotStarted);
                    changed = true;
                }

                result = OptIn.WrongCode;
            }
            else
            {
                Move(OptInState.Received);
                changed = true;
                result = 0;
            }
        }

        Notify(changed);
        return result;
    }

    /// <summary>CancelOptIn: 0, or 2 when nothing was under way.</summary>
    public uint Cancel()
    {
        uint result;
        bool changed;
        lock (_sync)
        {
            // A flow that has just expired was not under way any more, but its code still leaves the screen.
            changed = ExpireIfDue();
            result = _state == OptInState.NotStarted ? OptIn.InvalidState : 0;
            if (result == 0)
            {
                Move(OptInState.NotStarted);
                changed = true;
            }
        }

        Notify(changed);
        return result;
    }

    /// <summary>Whether a session of this kind may start now: no consent needed, or granted (Received) or in use (InSession).</summary>
    public bool Permits(RedirectionSessionType session)
    {
        bool permits;
        bool changed;
        lock (_sync)
        {
            changed = ExpireIfDue();
            permits = PermitsLocked(session);
        }

        Notify(changed);
        return permits;
    }

    /// <summary>
    /// Whether a boot may go to BIOS setup, IDE-R or SOL now: the rule of SOL and IDE-R sessions (only the "all"
    /// policy asks), without using the grant up, since the boot is no session.
    /// </summary>
    public bool PermitsRedirectedBoot() => Permits(RedirectionSessionType.Sol);

    /// <summary>
    /// A session of this kind starts: refused (null) without the consent it needs; otherwise the grant, if the
    /// session needs it, is now in use (InSession) and no longer times out until the returned hold is disposed.
    /// </summary>
    public IDisposable? TryBeginSession(RedirectionSessionType session)
    {
        bool changed;
        Hold? hold;
        lock (_sync)
        {
            changed = ExpireIfDue();
            if (!PermitsLocked(session))
            {
                hold = null;
            }
            else if (!RequiresLocked(session))
            {
                hold = new Hold(this, grant: null);
            }
            else
            {
                _sessions++;
                if (_state != OptInState.InSession)
                {
                    Move(OptInState.InSession);
                    changed = true;
                }

                hold = new Hold(this, _grant);
            }
        }

        Notify(changed);
        return hold;
    }

    private bool RequiresLocked(RedirectionSessionType session) =>
        session == RedirectionSessionType.Kvm ? _required != OptIn.RequiredNone : _required == OptIn.RequiredAll;

    private bool PermitsLocked(RedirectionSessionType session) =>
        !RequiresLocked(session) || _state is OptInState.Received or OptInState.InSession;

    /// <summary>A session under <paramref name="grant"/> ended; after the last one the next session needs a new code, as on firmware.</summary>
    private void EndSession(long grant)
    {
        lock (_sync)
        {
            // A grant cancelled or replaced meanwhile is no longer this session's to use up.
            if (grant != _grant || _state != OptInState.InSession || --_sessions > 0)
            {
                return;
            }

            Move(OptInState.NotStarted);
        }

        Notify(changed: true);
    }

    private void SetTimeout(ref TimeSpan field, TimeSpan value)
    {
        lock (_sync)
        {
            field = value;
            ScheduleExpiry();
        }
    }

    /// <summary>A displayed code or an unused grant past its time returns the flow to NotStarted; true when it did.</summary>
    private bool ExpireIfDue()
    {
        if (Deadline() is not { } deadline || _time.GetUtcNow() < deadline)
        {
            return false;
        }

        Move(OptInState.NotStarted);
        return true;
    }

    private DateTimeOffset? Deadline() => _state switch
    {
        OptInState.Displayed => _stateSince + _codeTimeout,
        OptInState.Received => _stateSince + _grantedTimeout,
        _ => null,
    };

    private void Move(OptInState state)
    {
        _state = state;
        _stateSince = _time.GetUtcNow();
        if (state == OptInState.Received)
        {
            _grant++;
        }
        else if (state == OptInState.NotStarted)
        {
            _code = null;
            _sessions = 0;
        }

        ScheduleExpiry();
    }

    /// <summary>
    /// A timer for the next timeout, so that a code vanishes from the screen when it expires even if nobody asks;
    /// none while nothing can time out, so an idle device costs no timer.
    /// </summary>
    private void ScheduleExpiry()
    {
        _expiry?.Dispose();
        _expiry = null;
        if (Deadline() is { } deadline)
        {
            var due = deadline - _time.GetUtcNow();
            _expiry = _time.CreateTimer(static model => ((ConsentModel)model!).OnExpiryDue(), this, due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnExpiryDue()
    {
        bool changed;
        lock (_sync)
        {
            changed = ExpireIfDue();
            if (!changed)
            {
                // Early by the clock's reckoning, or the state moved on: wait for whatever is due now.
                ScheduleExpiry();
            }
        }

        Notify(changed);
    }

    private void Notify(bool changed)
    {
        if (changed)
        {
            Changed?.Invoke();
        }
    }

    /// <summary>One session's hold on a grant (none when it needed no consent); ending it twice counts once.</summary>
    private sealed class Hold(ConsentModel model, long? grant) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (grant is { } held && Interlocked.Exchange(ref _ended, 1) == 0)
            {
                model.EndSession(held);
            }
        }
    }
}
