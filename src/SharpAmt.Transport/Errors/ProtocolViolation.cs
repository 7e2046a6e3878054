namespace SharpAmt.Transport;

/// <summary>Every way a peer's bytes can break the wire format. Text for each lives in <see cref="ProtocolViolationText"/>.</summary>
public enum ProtocolViolation
{
    HeadTooLarge,
    TooManyHeaders,
    MalformedStartLine,
    MalformedHeader,
    UnsupportedHttpVersion,
    MalformedContentLength,
    MalformedChunk,
    BodyTooLarge,
    UnsupportedTransferEncoding,
    ReplyTimedOut,
    MalformedChallenge,
    MalformedXml,
    UnexpectedXml,
    UnknownRedirectionMessage,
    RedirectionMessageTooLarge,
    MalformedRedirectionMessage,
    UnexpectedRedirectionMessage,
}
