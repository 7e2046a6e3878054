using System.Buffers;

namespace SharpAmt.Redirection.Ider.Wire.Messages;

/// <summary>
/// 0x51 IDER_COMMAND_END_RESPONSE, client to device, 31 bytes: final status of a command that ends without data,
/// or with an error (reference §6.5.4).
/// <code>
/// 0  3       4..7  8     9..10          11      12..19            20..27             28    29   30
/// 51 att=02  seq   cable transfer bytes packet  input registers   output registers   sense ASC  ASCQ
/// </code>
/// Good: output <c>85 00 03 00 00 00 dev 50</c>, sense 0. Check condition: <c>87 key&lt;&lt;4 03 00 00 00 dev 51</c>.
/// </summary>
public readonly record struct IderCommandEndResponse(uint Sequence, AtaRegisters Output, AtapiSense Sense, AtaRegisters Input = default, byte CableSelect = 0,
    ushort TransferBytes = 0, byte PacketNumber = 0, IderAttributes Attributes = IderAttributes.Completed) : IIderMessage<IderCommandEndResponse>
{
    public const int Size = 31;

    public static IderCommandEndResponse Good(uint sequence, byte drive) => new(sequence, AtaRegisters.Good(drive), AtapiSense.None);

    /// <summary>A CHECK CONDITION with its sense, or GOOD when <paramref name="sense"/> is no sense.</summary>
    public static IderCommandEndResponse For(uint sequence, byte drive, AtapiSense sense) =>
        sense.IsGood ? Good(sequence, drive) : new(sequence, AtaRegisters.CheckCondition(drive, sense.Key), sense);

    public bool IsGood => (Output.Status & AtaRegisters.StatusError) == 0;

    public int GetSize() => Size;

    public int Write(Span<byte> destination)
    {
        var message = destination[..Size];
        IderFrames.WriteHeader(message, IderMessageType.IDER_COMMAND_END_RESPONSE, Attributes, Sequence);
        message[8] = CableSelect;
        IderWire.UInt16(message, 9, TransferBytes);
        message[11] = PacketNumber;
        Input.Write(message[12..]);
        Output.Write(message[20..]);
        message[28] = Sense.Key;
        message[29] = Sense.Asc;
        message[30] = Sense.Ascq;
        return Size;
    }

    public static bool TryRead(ref SequenceReader<byte> reader, out IderCommandEndResponse message)
    {
        message = default;
        Span<byte> scratch = stackalloc byte[Size];
        if (!IderFrames.TryTake(ref reader, IderMessageType.IDER_COMMAND_END_RESPONSE, scratch, out var length))
        {
            return false;
        }

        ReadOnlySpan<byte> bytes = scratch[..length];

        message = new IderCommandEndResponse(IderWire.Sequence(bytes), AtaRegisters.Read(bytes[20..]), new AtapiSense(bytes[28], bytes[29], bytes[30]),
            AtaRegisters.Read(bytes[12..]), bytes[8], IderWire.UInt16(bytes, 9), bytes[11], (IderAttributes)bytes[3]);
        return true;
    }
}
