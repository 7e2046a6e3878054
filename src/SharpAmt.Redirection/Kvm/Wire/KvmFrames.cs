using SharpAmt.Redirection.Wire;

namespace SharpAmt.Redirection.Kvm.Wire;

/// <summary>
/// The redirection messages of a KVM connection (reference §6.6.1): after a "KVMR" start and the login, 0x40 and
/// 0x41 are 8 bytes each (not IDE-R's 18 and 30), and then the stream is raw RFB with no framing at all.
/// </summary>
public static class KvmFrames
{
    public static RedirectionFrameTable Table { get; } = new RedirectionFrameTable()
        .AddSession()
        .Register(RedirectionMessageType.StartIderRedirection, FrameLength.Fixed(KvmStart.Length))
        .Register(RedirectionMessageType.StartIderRedirectionReply, FrameLength.Fixed(KvmStart.Length))
        .Freeze();
}
