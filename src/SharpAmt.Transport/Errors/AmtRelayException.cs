namespace SharpAmt.Transport;

/// <summary>
/// The relay in front of the devices failed (ssh could not log in, the jump host refused forwarding), so no
/// device behind it is reachable. Not retried: trying again gives the same answer until the setup changes.
/// </summary>
public sealed class AmtRelayException : AmtException
{
    public AmtRelayException(string relay, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Relay = relay;
    }

    /// <summary>The relay as written: <c>[user@]host[:port]</c>.</summary>
    public string Relay { get; }
}
