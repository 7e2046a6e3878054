using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire.Messages;

/// <summary>
/// 0x49 IDER_DISABLE_ENABLE_FEATURES_REPLY, device to client, 13 bytes (reference §6.5.2).
/// <code>
/// 49 00 00 att  seq LE32  type  value LE32
/// </code>
/// Type 3: value 1 is success. Type 2: bit 1 = enabled. Type 1: bit 0 = the set is supported.
/// </summary>
public readonly record struct IderDisableEnableFeaturesReply(uint Sequence, IderFeatureRequest Request, uint Value, IderAttributes Attributes = IderAttributes.None)
    : IIderMessage<IderDisableEnableFeaturesReply>
{
    public const int Size = 13;

    public bool Succeeded => Request != IderFeatureRequest.SetRegisterState || Value == 1;

    public int GetSize() => Size;

    public int Write(Span<byte> destination)
    {
        IderFrames.WriteHeader(destination[..Size], IderMessageType.IDER_DISABLE_ENABLE_FEATURES_REPLY, Attributes, Sequence);
        destination[8] = (byte)Request;
        IderWire.UInt32(destination, 9, Value);
        return Size;
    }

    public static bool TryRead(ref SequenceReader<byte> reader, out IderDisableEnableFeaturesReply message)
    {
        message = default;
        Span<byte> scratch = stackalloc byte[Size];
        if (!IderFrames.TryTake(ref reader, IderMessageType.IDER_DISABLE_ENABLE_FEATURES_REPLY, scratch, out var length))
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = scratch[..length];

        message = new IderDisableEnableFeaturesReply(IderWire.Sequence(bytes), (IderFeatureRequest)bytes[8], IderWire.UInt32(bytes, 9), (IderAttributes)bytes[3]);
        return true;
    }
}
