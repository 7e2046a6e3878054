namespace SharpAmt.Redirection.Ider.Wire;

/// <summary>The value of a 0x48 set request: enable bit 0x01 plus a start mode (reference §6.5.2).</summary>
[Flags]
public enum IderStartMode : uint
{
    None = 0,
    Enable = 0x01,

    /// <summary>Start on the host's next boot (amtider -r). Seen to start at once on real systems.</summary>
    OnReboot = 0x08,

    /// <summary>amtider -g.</summary>
    Graceful = 0x10,

    /// <summary>Start immediately (amtider's default).</summary>
    Now = 0x18,
}
