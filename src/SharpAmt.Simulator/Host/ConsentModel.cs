using System.Globalization;
using System.Security.Cryptography;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Host;

/// <summary>
/// User consent (IPS_OptInService, reference section 4.4): the policy, and the flow in which a six-digit code
/// is shown on the host's screen and must be typed back before it times out.
/// </summary>
public sealed class ConsentModel
{
    /// <summary>Wrong codes after which the flow is cancelled, as firmware does to stop guessing.</summary>
    public const int MaxWrongCodes = 3;

    private readonly TimeProvider _time;
    private OptInState _state;
    private DateTimeOffset _stateSince;
    private int _wrongCodes;
    private string? _code;

    public ConsentModel(TimeProvider time, bool canModifyPolicy)
    {
        _time = time;
        CanModifyPolicy = canModifyPolicy;
        Required = canModifyPolicy ? OptIn.RequiredKvm : OptIn.RequiredAll;
    }

    public uint Required { get; set; }

    public bool CanModifyPolicy { get; }

    /// <summary>OptInCodeTimeout: how long a displayed code can be entered.</summary>
    public TimeSpan CodeTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>OptInDisplayTimeout.</summary>
    public TimeSpan DisplayTimeout { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>How long granted consent waits for a redirection session to start.</summary>
    public TimeSpan GrantedTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The code on the host's screen while the flow waits for it; null otherwise.</summary>
    public string? DisplayedCode => State == OptInState.Displayed ? _code : null;

    public OptInState State
    {
        get
        {
            var age = _time.GetUtcNow() - _stateSince;
            if (_state == OptInState.Displayed && age > CodeTimeout || _state == OptInState.Received && age > GrantedTimeout)
            {
                Move(OptInState.NotStarted);
            }

            return _state;
        }
    }

    /// <summary>StartOptIn: 0 with a new code displayed, 2 when a flow is already under way.</summary>
    public uint Start()
    {
        if (State != OptInState.NotStarted)
        {
            return OptIn.InvalidState;
        }

        _code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        _wrongCodes = 0;
        Move(OptInState.Displayed);
        return 0;
    }

    /// <summary>
    /// SendOptInCode: 0 when the code matches, 2 when no code is displayed, 2066 for a wrong code. After
    /// <see cref="MaxWrongCodes"/> wrong codes the flow returns to NotStarted.
    /// </summary>
    public uint SendCode(string code)
    {
        if (State is not (OptInState.Displayed or OptInState.Requested))
        {
            return OptIn.InvalidState;
        }

        if (!string.Equals(code.Trim(), _code, StringComparison.Ordinal))
        {
            if (++_wrongCodes >= MaxWrongCodes)
            {
                Move(OptInState.NotStarted);
            }

            return OptIn.WrongCode;
        }

        Move(OptInState.Received);
        return 0;
    }

    /// <summary>
    /// Whether a KVM session may start: no consent policy, or a code was accepted (Received) or a session already
    /// runs under it (InSession). KVM needs consent under either policy (KVM only, or all redirection).
    /// </summary>
    public bool PermitsKvm => Required == OptIn.RequiredNone || State is OptInState.Received or OptInState.InSession;

    /// <summary>A KVM session started under granted consent: the grant is now in use and no longer times out.</summary>
    public void BeginKvmSession()
    {
        if (State == OptInState.Received)
        {
            Move(OptInState.InSession);
        }
    }

    /// <summary>The KVM session ended: the next one needs a new code, as on firmware.</summary>
    public void EndKvmSession()
    {
        if (State == OptInState.InSession)
        {
            Move(OptInState.NotStarted);
        }
    }

    /// <summary>CancelOptIn: 0, or 2 when nothing was under way.</summary>
    public uint Cancel()
    {
        if (State == OptInState.NotStarted)
        {
            return OptIn.InvalidState;
        }

        Move(OptInState.NotStarted);
        return 0;
    }

    private void Move(OptInState state)
    {
        _state = state;
        _stateSince = _time.GetUtcNow();
        if (state == OptInState.NotStarted)
        {
            _code = null;
        }
    }
}
