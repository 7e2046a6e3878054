namespace SharpAmt.Redirection.Wire;

/// <summary>Control byte of 0x29.</summary>
[Flags]
public enum SolControl : byte
{
    None = 0,
    Rts = 1,
    Dtr = 2,
    Break = 4,
}

/// <summary>Status byte of 0x29.</summary>
[Flags]
public enum SolStatus : byte
{
    None = 0,
    TxOverflow = 1,
    LoopbackActive = 2,

    /// <summary>Set while the host is powered on; amtterm prints "The system is powered off." when clear.</summary>
    SystemPowerState = 4,
    RxFlushTimeout = 8,
    TestModeActive = 16,
}
