namespace SharpAmt.Transport;

/// <summary>
/// Base of every error SharpAMT raises about a device. Messages are one line, name the device, and never
/// contain a password, nonce or digest response.
/// </summary>
public abstract class AmtException : Exception
{
    protected AmtException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
