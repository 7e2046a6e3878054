namespace SharpAmt.Redirection.Wire;

/// <summary>Status byte of 0x11 and of the per-feature start replies (0x21, 0x41).</summary>
public enum RedirectionStatus : byte
{
    Success = 0,
    TypeUnknown = 1,
    Busy = 2,
    Unsupported = 3,
    Error = 0xFF,
}
