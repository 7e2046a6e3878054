using SharpAmt.Redirection.Wire;
using SharpAmt.Redirection.Wire.Messages;

namespace SharpAmt.Redirection.Kvm.Wire;

/// <summary>
/// KVM start, C→D <c>40 00 00 00 00 00 00 00</c>, and its reply, D→C <c>41 00 00 00 00 00 00 00</c>
/// (reference §6.6.1). Both carry nothing but their type.
/// </summary>
public sealed record KvmStart : IRedirectionMessage
{
    public const int Length = 8;

    private KvmStart(RedirectionMessageType type)
    {
        Type = type;
    }

    public static KvmStart Request { get; } = new(RedirectionMessageType.StartIderRedirection);

    public static KvmStart Reply { get; } = new(RedirectionMessageType.StartIderRedirectionReply);

    public RedirectionMessageType Type { get; }

    public int Size => Length;

    public void Write(Span<byte> destination)
    {
        destination[..Length].Clear();
        destination[0] = (byte)Type;
    }
}
