using System.Diagnostics;

namespace SharpAmt.Redirection.Ider.Wire;

/// <summary>The peer broke the IDE-R wire format; the connection cannot continue.</summary>
public sealed class IderProtocolException : Exception
{
    public IderProtocolException(IderRejectReason reason, byte opcode, long offset = 0)
        : base(Describe(reason, opcode, offset))
    {
        Reason = reason;
        Opcode = opcode;
        Offset = offset;
    }

    public IderRejectReason Reason { get; }

    /// <summary>The first byte of the offending message.</summary>
    public byte Opcode { get; }

    /// <summary>Offset of the offending field inside the message.</summary>
    public long Offset { get; }

    private static string Describe(IderRejectReason reason, byte opcode, long offset) => reason switch
    {
        IderRejectReason.UnknownOpcode => $"IDE-R: unknown message type 0x{opcode:X2}",
        IderRejectReason.UnexpectedOpcode => $"IDE-R: message type 0x{opcode:X2} is not the one expected here",
        IderRejectReason.DataTooLong => $"IDE-R: message 0x{opcode:X2} announces too much data (length at byte {offset})",
        _ => $"IDE-R: malformed message 0x{opcode:X2}",
    };

    [StackTraceHidden]
    internal static void Throw(IderRejectReason reason, byte opcode, long offset = 0) =>
        throw new IderProtocolException(reason, opcode, offset);
}
