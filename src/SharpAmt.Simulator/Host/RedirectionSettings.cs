using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Host;

/// <summary>
/// Which redirection features are enabled (reference section 4.3): SOL and IDE-R in
/// AMT_RedirectionService, the listener that opens 16994/16995, and KVM in CIM_KVMRedirectionSAP.
/// </summary>
public sealed class RedirectionSettings
{
    public bool ListenerEnabled { get; set; } = true;

    public bool SolEnabled { get; set; } = true;

    public bool IderEnabled { get; set; } = true;

    public bool KvmEnabled { get; set; } = true;

    /// <summary>AMT_RedirectionService.EnabledState: 32768 + IDER (bit 0) + SOL (bit 1).</summary>
    public int EnabledState => RedirectionStates.Encode(IderEnabled, SolEnabled);

    /// <summary>Applies RequestStateChange; false for a value outside 32768–32771.</summary>
    public bool TryRequestState(int requested)
    {
        if (!RedirectionStates.IsValid(requested))
        {
            return false;
        }

        IderEnabled = RedirectionStates.HasIder(requested);
        SolEnabled = RedirectionStates.HasSol(requested);
        return true;
    }

    /// <summary>CIM_KVMRedirectionSAP.EnabledState: 6 (enabled, no session) or 3 (disabled).</summary>
    public int KvmEnabledState => KvmEnabled ? RedirectionStates.KvmEnabledOffline : RedirectionStates.KvmDisable;

    public int KvmRequestedState => KvmEnabled ? RedirectionStates.KvmEnable : RedirectionStates.KvmDisable;
}
