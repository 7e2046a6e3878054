namespace SharpAmt.Redirection.Ider.Wire;

/// <summary>Why an IDE-R byte stream was refused; the text for each lives in <see cref="IderProtocolException"/>.</summary>
public enum IderRejectReason
{
    /// <summary>The first byte is not an IDE-R opcode, so the message length cannot be known.</summary>
    UnknownOpcode,

    /// <summary>A reader for one message type was handed another.</summary>
    UnexpectedOpcode,

    /// <summary>A length field announces more data than the receiver accepts.</summary>
    DataTooLong,
}
