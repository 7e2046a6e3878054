using SharpAmt.Transport;

namespace SharpAmt.Redirection.Kvm.Client;

/// <summary>
/// The device closed the KVM connection; <see cref="Reason"/> says at which point and what that means. BUSY and
/// UNSUPPORTED at the start come as <see cref="Session.RedirectionRefusedException"/>, a wrong login as
/// <see cref="AmtAuthenticationException"/>.
/// </summary>
public sealed class KvmDisconnectedException : AmtException
{
    public KvmDisconnectedException(string endpoint, KvmDisconnectReason reason, Exception? innerException = null)
        : base(Describe(endpoint, reason), innerException)
    {
        Endpoint = endpoint;
        Reason = reason;
    }

    public string Endpoint { get; }

    public KvmDisconnectReason Reason { get; }

    /// <summary>The code MeshCommander shows for the same event, for users who know those; null when it has none.</summary>
    public int? MeshCommanderCode => Reason switch
    {
        KvmDisconnectReason.CannotCapture => 50000,
        KvmDisconnectReason.ClosedByDevice => 50001,
        KvmDisconnectReason.FrameBufferCap => 50002,
        _ => null,
    };

    private static string Describe(string endpoint, KvmDisconnectReason reason) => endpoint + ": " + reason switch
    {
        KvmDisconnectReason.RefusedAtStart => "the device refused to start KVM after login (user consent not granted, or KVM was disabled)",
        KvmDisconnectReason.CannotCapture => "the device closed KVM before sending a picture: it cannot capture the display (no integrated GPU or no monitor attached)",
        KvmDisconnectReason.FrameBufferCap => "the device closed KVM before sending a picture: the screen at this pixel depth exceeds AMT's 9,216,000-byte frame-buffer cap; use 8 bits per pixel",
        KvmDisconnectReason.Unresponsive => "the device stopped answering on the KVM session (no update and no answer to a probe request)",
        _ => "the device closed the KVM session",
    };
}
