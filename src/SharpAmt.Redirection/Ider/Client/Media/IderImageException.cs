namespace SharpAmt.Redirection.Ider.Client.Media;

/// <summary>An image that cannot be served; the message is one line naming the file and the reason.</summary>
public sealed class IderImageException : Exception
{
    public IderImageException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
