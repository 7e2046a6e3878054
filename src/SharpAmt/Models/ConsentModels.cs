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

/// <summary>User consent as the device has it now (IPS_OptInService), and where it shows the code (IPS_SecIOService).</summary>
/// <param name="Policy">OptInRequired: which redirection needs consent.</param>
/// <param name="State">OptInState: where the code flow stands.</param>
/// <param name="CanModifyPolicy">CanModifyOptInPolicy: false in client control mode.</param>
/// <param name="CodeTimeoutSeconds">OptInCodeTimeout.</param>
/// <param name="DisplayTimeoutSeconds">OptInDisplayTimeout.</param>
/// <param name="CodeDisplay">
/// The display the code appears on (IPS_SecIOService.DefaultScreen): 0 the primary, 1 the second, 2 the third. It is
/// not <see cref="KvmSettings.DefaultScreen"/>, which chooses only what KVM shows. Null when the device does not say.
/// </param>
public sealed record ConsentStatus(ConsentPolicy Policy, ConsentState State, bool CanModifyPolicy, int CodeTimeoutSeconds, int DisplayTimeoutSeconds, int? CodeDisplay = null);
