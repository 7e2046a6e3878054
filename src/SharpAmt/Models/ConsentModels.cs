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
    NotStarted = 0,
    Requested = 1,
    Displayed = 2,
    Received = 3,
    InSession = 4,
}

public sealed record ConsentStatus(ConsentPolicy Policy, ConsentState State, bool CanModifyPolicy, int CodeTimeoutSeconds, int DisplayTimeoutSeconds);
