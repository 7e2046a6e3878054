namespace SharpAmt.Transport;

/// <summary>Why a connection to a device could not be used.</summary>
public enum ConnectionFailure
{
    NameNotResolved,
    Refused,
    Unreachable,
    TimedOut,
    Reset,
    ClosedBeforeReply,
    DroppedMidReply,
    TlsHandshakeFailed,
}
