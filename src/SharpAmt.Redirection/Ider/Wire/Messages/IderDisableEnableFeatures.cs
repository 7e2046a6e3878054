using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire.Messages;

/// <summary>
/// 0x48 IDER_DISABLE_ENABLE_FEATURES, client to device (reference §6.5.2): 9 bytes for the queries, 13 for a set.
/// <code>
/// 48 00 00 att  seq LE32  type  [value LE32, type 3 only]
/// </code>
/// amtider's default: <c>48 00 00 00 05 00 00 00 03 19 00 00 00</c> (enable, start now, seq 5).
/// </summary>
public readonly record struct IderDisableEnableFeatures(uint Sequence, IderFeatureRequest Request, uint Value = 0, IderAttributes Attributes = IderAttributes.None)
    : IIderMessage<IderDisableEnableFeatures>
{
    public static IderDisableEnableFeatures Enable(uint sequence, IderStartMode startMode) =>
        new(sequence, IderFeatureRequest.SetRegisterState, (uint)(IderStartMode.Enable | startMode));

    public IderStartMode StartMode => (IderStartMode)Value & IderStartMode.Now;

    public int GetSize() => Request == IderFeatureRequest.SetRegisterState ? 13 : 9;

    public int Write(Span<byte> destination)
    {
        var size = GetSize();
        IderFrames.WriteHeader(destination[..size], IderMessageType.IDER_DISABLE_ENABLE_FEATURES, Attributes, Sequence);
        destination[8] = (byte)Request;
        if (size == 13)
        {
            IderWire.UInt32(destination, 9, Value);
        }

        return size;
    }

    public static bool TryRead(ref SequenceReader<byte> reader, out IderDisableEnableFeatures message)
    {
        message = default;
        Span<byte> scratch = stackalloc byte[13];
        if (!IderFrames.TryTake(ref reader, IderMessageType.IDER_DISABLE_ENABLE_FEATURES, scratch, out var length))
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = scratch[..length];

        message = new IderDisableEnableFeatures(IderWire.Sequence(bytes), (IderFeatureRequest)bytes[8], bytes.Length == 13 ? IderWire.UInt32(bytes, 9) : 0,
            (IderAttributes)bytes[3]);
        return true;
    }
}
