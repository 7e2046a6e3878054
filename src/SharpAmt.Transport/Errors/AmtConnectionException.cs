namespace SharpAmt.Transport;

/// <summary>The device could not be reached, or the connection broke before a complete reply.</summary>
public sealed class AmtConnectionException : AmtException
{
    public AmtConnectionException(string endpoint, ConnectionFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Endpoint = endpoint;
        Failure = failure;
    }

    public string Endpoint { get; }

    public ConnectionFailure Failure { get; }

    /// <summary>True when trying again may succeed: a sleeping ME, a busy device, a dropped connection.</summary>
    public bool IsTransient => Failure is not (ConnectionFailure.NameNotResolved or ConnectionFailure.TlsHandshakeFailed);

    /// <summary>
    /// A freshly opened connection was closed or reset before any byte of a reply: what a sleeping ME or a
    /// full accept queue does. Only then is a request that changes state sent again.
    /// </summary>
    public bool NoReplyOnFreshConnection { get; init; }
}
