using System.Buffers.Binary;

namespace SharpAmt.Redirection.Ider.Wire;

/// <summary>Little-endian field access shared by the message types.</summary>
internal static class IderWire
{
    public static uint Sequence(ReadOnlySpan<byte> message) => BinaryPrimitives.ReadUInt32LittleEndian(message[4..]);

    public static ushort UInt16(ReadOnlySpan<byte> message, int offset) => BinaryPrimitives.ReadUInt16LittleEndian(message[offset..]);

    public static uint UInt32(ReadOnlySpan<byte> message, int offset) => BinaryPrimitives.ReadUInt32LittleEndian(message[offset..]);

    public static void UInt16(Span<byte> message, int offset, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(message[offset..], value);

    public static void UInt32(Span<byte> message, int offset, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(message[offset..], value);
}
