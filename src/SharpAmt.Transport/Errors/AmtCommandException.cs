namespace SharpAmt.Transport;

/// <summary>
/// The device understood the request and refused it (a WS-Man fault, a non-zero ReturnValue, an EOI status).
/// The connection stays usable.
/// </summary>
public class AmtCommandException : AmtException
{
    public AmtCommandException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
