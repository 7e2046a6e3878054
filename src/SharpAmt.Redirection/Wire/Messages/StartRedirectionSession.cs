using System.Buffers.Binary;

namespace SharpAmt.Redirection.Wire.Messages;

/// <summary>
/// 0x10, C→D, 8 bytes: <c>10 &lt;x&gt; 00 00 &lt;4-byte tag&gt;</c>. Tags "SOL ", "IDER", "KVMR"; byte 1 is
/// 0x01 for KVM only.
/// </summary>
public sealed record StartRedirectionSession(uint Tag, byte Flags = 0) : IRedirectionMessage
{
    public const uint SolTag = 0x204C4F53; // "SOL "
    public const uint IderTag = 0x52454449; // "IDER"
    public const uint KvmTag = 0x524D564B; // "KVMR"

    public RedirectionMessageType Type => RedirectionMessageType.StartRedirectionSession;

    public int Size => 8;

    /// <summary>The session the tag names; null for a tag this library does not know.</summary>
    public RedirectionSessionType? SessionType => Tag switch
    {
        SolTag => RedirectionSessionType.Sol,
        IderTag => RedirectionSessionType.Ider,
        KvmTag => RedirectionSessionType.Kvm,
        _ => null,
    };

    public static StartRedirectionSession For(RedirectionSessionType type) => type switch
    {
        RedirectionSessionType.Sol => new(SolTag),
        RedirectionSessionType.Ider => new(IderTag),
        RedirectionSessionType.Kvm => new(KvmTag, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public void Write(Span<byte> destination)
    {
        RedirectionMessage.WriteType(destination, Type);
        destination[1] = Flags;
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], Tag);
    }

    public static StartRedirectionSession Read(RedirectionFrame frame)
    {
        RedirectionMessage.Expect(frame, RedirectionMessageType.StartRedirectionSession, 8);
        return new StartRedirectionSession(BinaryPrimitives.ReadUInt32LittleEndian(frame.Span[4..]), frame.Span[1]);
    }
}
