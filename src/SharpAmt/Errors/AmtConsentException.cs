using SharpAmt.Transport;

namespace SharpAmt;

/// <summary>Why user consent was not obtained.</summary>
public enum ConsentFailure
{
    /// <summary>Consent is needed but no way to ask for the code was given.</summary>
    NoCodeSource,

    /// <summary>The user gave no code.</summary>
    Declined,

    /// <summary>Every code given was wrong, or the device ended the request after wrong codes.</summary>
    WrongCode,

    /// <summary>The code on screen expired before a right one arrived.</summary>
    TimedOut,

    /// <summary>The device refuses new requests for a while after repeated failures.</summary>
    Blocked,

    /// <summary>The operation needs consent that has not been granted, and it was not asked for.</summary>
    NotGranted,
}

/// <summary>User consent, which the device requires for the redirection session or redirected boot, was not obtained; nothing was started.</summary>
public sealed class AmtConsentException : AmtCommandException
{
    public AmtConsentException(string message, ConsentFailure failure, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public ConsentFailure Failure { get; }
}
