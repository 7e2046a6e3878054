using System.Buffers.Binary;

namespace SharpAmt.Redirection.Wire;

/// <summary>
/// How long a message of one opcode is. Redirection messages carry no common length prefix (reference
/// section 6.1): each is either of fixed size, or a fixed header followed by as many bytes as a
/// little-endian field inside that header says.
/// </summary>
public readonly record struct FrameLength
{
    private FrameLength(int header, int lengthOffset, int lengthSize)
    {
        Header = header;
        LengthOffset = lengthOffset;
        LengthSize = lengthSize;
    }

    /// <summary>Bytes known before any length field is read: the whole message for fixed sizes.</summary>
    public int Header { get; }

    /// <summary>Where the payload length sits in the header; -1 for fixed sizes.</summary>
    public int LengthOffset { get; }

    /// <summary>1, 2 or 4 bytes, little-endian; 0 for fixed sizes.</summary>
    public int LengthSize { get; }

    public bool IsFixed => LengthSize == 0;

    public static FrameLength Fixed(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return new FrameLength(size, -1, 0);
    }

    /// <summary>A header of <paramref name="header"/> bytes whose little-endian field at <paramref name="lengthOffset"/> counts the bytes after it.</summary>
    public static FrameLength HeaderAndPayload(int header, int lengthOffset, int lengthSize)
    {
        if (lengthSize is not (1 or 2 or 4) || lengthOffset < 0 || lengthOffset + lengthSize > header)
        {
            throw new ArgumentOutOfRangeException(nameof(lengthSize), "the length field must lie inside the header and be 1, 2 or 4 bytes");
        }

        return new FrameLength(header, lengthOffset, lengthSize);
    }

    /// <summary>The payload length read from a complete header (as a long: a LE32 may exceed int).</summary>
    internal long PayloadLength(ReadOnlySpan<byte> header) => LengthSize switch
    {
        0 => 0,
        1 => header[LengthOffset],
        2 => BinaryPrimitives.ReadUInt16LittleEndian(header[LengthOffset..]),
        _ => BinaryPrimitives.ReadUInt32LittleEndian(header[LengthOffset..]),
    };
}
