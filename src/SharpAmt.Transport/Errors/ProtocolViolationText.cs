namespace SharpAmt.Transport;

public static class ProtocolViolationText
{
    public static string Describe(ProtocolViolation violation) => violation switch
    {
        ProtocolViolation.HeadTooLarge => "HTTP header block exceeds the size limit",
        ProtocolViolation.TooManyHeaders => "too many HTTP header lines",
        ProtocolViolation.MalformedStartLine => "malformed HTTP status or request line",
        ProtocolViolation.MalformedHeader => "malformed HTTP header line",
        ProtocolViolation.UnsupportedHttpVersion => "unsupported HTTP version",
        ProtocolViolation.MalformedContentLength => "malformed Content-Length",
        ProtocolViolation.MalformedChunk => "malformed chunked body",
        ProtocolViolation.BodyTooLarge => "body exceeds the size limit",
        ProtocolViolation.UnsupportedTransferEncoding => "unsupported Transfer-Encoding",
        ProtocolViolation.ReplyTimedOut => "reply did not complete in time",
        ProtocolViolation.MalformedChallenge => "malformed WWW-Authenticate challenge",
        ProtocolViolation.MalformedXml => "malformed XML",
        ProtocolViolation.UnexpectedXml => "XML of an unexpected shape",
        ProtocolViolation.UnknownRedirectionMessage => "unknown redirection message type",
        ProtocolViolation.RedirectionMessageTooLarge => "redirection message exceeds the size limit",
        ProtocolViolation.MalformedRedirectionMessage => "malformed redirection message",
        ProtocolViolation.UnexpectedRedirectionMessage => "redirection message out of sequence",
        _ => violation.ToString(),
    };
}
