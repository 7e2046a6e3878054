namespace SharpAmt.Redirection.Kvm.Server;

/// <summary>Why an RFB connection ended, as the server saw it.</summary>
public enum RfbSessionEnd
{
    /// <summary>The viewer closed the connection (the normal end; reference §6.7).</summary>
    ClientClosed,

    /// <summary>The server is stopping (its cancellation token fired).</summary>
    Stopped,

    /// <summary>The handshake did not complete in time, or the viewer sent nothing for the idle timeout.</summary>
    TimedOut,

    /// <summary>VNC authentication failed (wrong password).</summary>
    AuthenticationFailed,

    /// <summary>
    /// AMT's frame-buffer cap: bytes per pixel × width × height of the format in force exceeded it when the viewer asked
    /// for pixels, so the server hung up, which MeshCommander reports as 50000/50002.
    /// </summary>
    FrameBufferCap,

    /// <summary>The screen's change notice failed: its source ended (a gateway whose KVM session closed).</summary>
    ScreenGone,

    /// <summary>The viewer broke the protocol.</summary>
    ProtocolError,

    /// <summary>
    /// The device closed the session after its session timeout passed without a key or pointer event from the viewer
    /// (IPS_KVMRedirectionSettingData.SessionTimeout, reference §4.5).
    /// </summary>
    SessionTimeout,
}
