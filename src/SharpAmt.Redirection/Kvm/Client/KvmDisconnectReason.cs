namespace SharpAmt.Redirection.Kvm.Client;

/// <summary>How a KVM session ended or failed to start, with MeshCommander's code where it has one (reference §6.6.8).</summary>
public enum KvmDisconnectReason
{
    /// <summary>The device accepted the login but closed instead of answering 0x40 with 0x41: consent not granted, or KVM disabled meanwhile.</summary>
    RefusedAtStart,

    /// <summary>Closed after ClientInit before any picture: the device cannot capture (no integrated GPU, no monitor). Code 50000.</summary>
    CannotCapture,

    /// <summary>As <see cref="CannotCapture"/>, and bytes per pixel × width × height exceeds AMT's 9,216,000 cap. Code 50002.</summary>
    FrameBufferCap,

    /// <summary>The device closed an established session. Code 50001.</summary>
    ClosedByDevice,

    /// <summary>The connection stayed open but the device answered neither updates nor a probe request.</summary>
    Unresponsive,
}
