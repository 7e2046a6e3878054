namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>Every way an RFB peer can break the protocol; text lives in <see cref="RfbProtocolException"/>.</summary>
public enum RfbRejectReason
{
    MalformedVersion,
    NoSecurityType,
    UnsupportedSecurityType,
    UnknownMessageType,
    MessageTooLarge,
    UnsupportedPixelFormat,
    UnsupportedEncoding,
    RectangleOutsideScreen,
    MalformedRectangle,
    ScreenTooLarge,
}
