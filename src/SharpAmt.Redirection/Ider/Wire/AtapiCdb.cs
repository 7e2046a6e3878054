using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SharpAmt.Redirection.Ider.Wire;

/// <summary>
/// A 12-byte ATAPI command packet (SCSI CDB), held inline so commands travel without allocations. Its multi-byte
/// fields are big-endian, unlike the rest of IDE-R.
/// </summary>
public struct AtapiCdb : IEquatable<AtapiCdb>
{
    public const int Size = 12;

    private Bytes bytes;

    public AtapiCdb(ReadOnlySpan<byte> source)
    {
        var length = Math.Min(source.Length, Size);
        source[..length].CopyTo(bytes);
    }

    /// <summary>The packet as a span; the command is its first byte.</summary>
    [UnscopedRef]
    public Span<byte> Span => bytes;

    [UnscopedRef]
    public readonly ReadOnlySpan<byte> ReadOnlySpan => bytes;

    public readonly byte OperationCode => bytes[0];

    public readonly byte this[int index] => bytes[index];

    public readonly ushort ReadUInt16(int offset) => BinaryPrimitives.ReadUInt16BigEndian(ReadOnlySpan[offset..]);

    public readonly uint ReadUInt32(int offset) => BinaryPrimitives.ReadUInt32BigEndian(ReadOnlySpan[offset..]);

    /// <summary>A packet from its bytes, padded with zeros to 12 (a 6- or 10-byte CDB is sent padded).</summary>
    public static AtapiCdb Create(params ReadOnlySpan<byte> source) => new(source);

    public readonly bool Equals(AtapiCdb other) => ReadOnlySpan.SequenceEqual(other.ReadOnlySpan);

    public override readonly bool Equals(object? obj) => obj is AtapiCdb other && Equals(other);

    public override readonly int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(ReadOnlySpan);
        return hash.ToHashCode();
    }

    public static bool operator ==(AtapiCdb left, AtapiCdb right) => left.Equals(right);

    public static bool operator !=(AtapiCdb left, AtapiCdb right) => !left.Equals(right);

    public override readonly string ToString() => Convert.ToHexString(ReadOnlySpan);

    [InlineArray(Size)]
    private struct Bytes
    {
        private byte first;
    }
}
