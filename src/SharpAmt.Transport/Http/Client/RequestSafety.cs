namespace SharpAmt.Transport.Http.Client;

public enum RequestSafety
{
    /// <summary>Reads: sent again after any transient failure.</summary>
    Idempotent,

    /// <summary>
    /// Writes and actions: sent again only when the device cannot have seen them (the connection attempt
    /// failed, or a fresh connection was closed before any reply). Never after a partial reply.
    /// </summary>
    ChangesState,
}
