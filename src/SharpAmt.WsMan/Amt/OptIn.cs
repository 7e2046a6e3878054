namespace SharpAmt.WsMan.Amt;

/// <summary>IPS_OptInService values (reference section 4.4).</summary>
public static class OptIn
{
    /// <summary>OptInRequired: no consent.</summary>
    public const uint RequiredNone = 0;

    /// <summary>OptInRequired: consent for KVM only.</summary>
    public const uint RequiredKvm = 1;

    /// <summary>OptInRequired: consent for all redirection.</summary>
    public const uint RequiredAll = 0xFFFFFFFF;

    /// <summary>SendOptInCode's answer to a wrong code.</summary>
    public const uint WrongCode = 2066;

    /// <summary>The method answer when the flow is in the wrong state.</summary>
    public const uint InvalidState = 2;

    /// <summary>StartOptIn's answer while blocked after repeated failures.</summary>
    public const uint Blocked = 3;
}

/// <summary>IPS_OptInService.OptInState.</summary>
public enum OptInState
{
    NotStarted = 0,
    Requested = 1,
    Displayed = 2,
    Received = 3,
    InSession = 4,
}
