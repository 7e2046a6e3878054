using System.Diagnostics;

namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>The RFB peer broke the protocol (RFC 6143, or AMT's variant of it); the connection cannot continue.</summary>
public sealed class RfbProtocolException : Exception
{
    public RfbProtocolException(RfbRejectReason reason, string? detail = null)
        : base(Describe(reason) + (detail is null ? "" : ": " + detail))
    {
        Reason = reason;
    }

    public RfbRejectReason Reason { get; }

    [StackTraceHidden]
    internal static void Throw(RfbRejectReason reason, string? detail = null) => throw new RfbProtocolException(reason, detail);

    private static string Describe(RfbRejectReason reason) => reason switch
    {
        RfbRejectReason.MalformedVersion => "RFB: malformed protocol version banner",
        RfbRejectReason.NoSecurityType => "RFB: the server offered no security type",
        RfbRejectReason.UnsupportedSecurityType => "RFB: no common security type",
        RfbRejectReason.UnknownMessageType => "RFB: unknown message type",
        RfbRejectReason.MessageTooLarge => "RFB: message exceeds the size limit",
        RfbRejectReason.UnsupportedPixelFormat => "RFB: unsupported pixel format",
        RfbRejectReason.UnsupportedEncoding => "RFB: rectangle in an encoding that was not asked for",
        RfbRejectReason.RectangleOutsideScreen => "RFB: rectangle outside the screen",
        RfbRejectReason.MalformedRectangle => "RFB: malformed rectangle data",
        RfbRejectReason.ScreenTooLarge => "RFB: screen size exceeds the limit",
        _ => "RFB: protocol error",
    };
}
