namespace SharpAmt.WsMan.Amt;

/// <summary>
/// How redirection features are encoded (reference section 4.3): AMT_RedirectionService.EnabledState and its
/// RequestStateChange are 32768 + IDE-R (bit 0) + SOL (bit 1); CIM_KVMRedirectionSAP uses CIM states.
/// </summary>
public static class RedirectionStates
{
    public const int Base = 32768;

    public const int KvmEnable = 2;
    public const int KvmDisable = 3;

    /// <summary>Enabled but no session: how an enabled KVM service point reports itself.</summary>
    public const int KvmEnabledOffline = 6;

    public static int Encode(bool ider, bool sol) => Base + (ider ? 1 : 0) + (sol ? 2 : 0);

    public static bool IsValid(int state) => state is >= Base and <= Base + 3;

    public static bool HasIder(int state) => IsValid(state) && (state & 1) != 0;

    public static bool HasSol(int state) => IsValid(state) && (state & 2) != 0;

    /// <summary>KVM counts as on when EnabledState is 2 or 6 (MeshCommander's rule).</summary>
    public static bool IsKvmEnabled(int enabledState) => enabledState is KvmEnable or KvmEnabledOffline;
}
