using SharpAmt.Transport;

namespace SharpAmt;

/// <summary>The device lacks the feature asked for, or cannot do it in its current state. Nothing was changed.</summary>
public sealed class AmtFeatureUnavailableException : AmtCommandException
{
    public AmtFeatureUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
