using SharpAmt.WsMan.Amt;

namespace SharpAmt;

/// <summary>When user consent is required (IPS_OptInService.OptInRequired).</summary>
public enum ConsentPolicy
{
    None,
    Kvm,
    All,
}

public enum ConsentState
{
    NotStarted = OptInState.NotStarted,
    Requested = OptInState.Requested,
    Displayed = OptInState.Displayed,
    Received = OptInState.Received,
    InSession = OptInState.InSession,
}

public sealed record ConsentStatus(ConsentPolicy Policy, ConsentState State, bool CanModifyPolicy, int CodeTimeoutSeconds, int DisplayTimeoutSeconds);
