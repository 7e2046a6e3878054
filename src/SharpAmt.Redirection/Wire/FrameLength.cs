using System.Buffers.Binary;

namespace SharpAmt.Redirection.Wire;

/// <summary>
/// How long a message of one opcode is. Redirection messages carry no common length prefix (reference
/// section 6.1): each is either of fixed size, a fixed header followed by as many bytes as a little-endian
/// field inside that header says, or (IDE-R's 0x48) a header that grows by a fixed tail when one of its
/// bytes holds a given value.
/// </summary>
public readonly record struct FrameLength
{
    private FrameLength(int header, int lengthOffset, int lengthSize, int selectorOffset, byte selector, int selectedTail)
    {
        Header = header;
        LengthOffset = lengthOffset;
        LengthSize = lengthSize;
        SelectorOffset = selectorOffset;
        Selector = selector;
        SelectedTail = selectedTail;
    }

    /// <summary>Bytes known before any length field is read: the whole message for fixed sizes.</summary>
    public int Header { get; }

    /// <summary>Where the payload length sits in the header; -1 when there is no length field.</summary>
    public int LengthOffset { get; }

    /// <summary>1, 2 or 4 bytes, little-endian; 0 when there is no length field.</summary>
    public int LengthSize { get; }

    /// <summary>The header byte that decides whether <see cref="SelectedTail"/> follows; -1 when none does.</summary>
    public int SelectorOffset { get; }

    /// <summary>The value of the selector byte that adds the tail.</summary>
    public byte Selector { get; }

    /// <summary>Bytes that follow the header when the selector byte matches.</summary>
    public int SelectedTail { get; }

    public bool IsFixed => LengthSize == 0 && SelectorOffset < 0;

    public static FrameLength Fixed(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        return new FrameLength(size, -1, 0, -1, 0, 0);
    }

    /// <summary>A header of <paramref name="header"/> bytes whose little-endian field at <paramref name="lengthOffset"/> counts the bytes after it.</summary>
    public static FrameLength HeaderAndPayload(int header, int lengthOffset, int lengthSize)
    {
        if (lengthSize is not (1 or 2 or 4) || lengthOffset < 0 || lengthOffset + lengthSize > header)
        {
            throw new ArgumentOutOfRangeException(nameof(lengthSize), "the length field must lie inside the header and be 1, 2 or 4 bytes");
        }

        return new FrameLength(header, lengthOffset, lengthSize, -1, 0, 0);
    }

    /// <summary>
    /// A header of <paramref name="header"/> bytes, followed by <paramref name="tail"/> more only when the byte at
    /// <paramref name="selectorOffset"/> equals <paramref name="selector"/> (0x48: a set request carries a value, a query does not).
    /// </summary>
    public static FrameLength HeaderAndTailWhen(int header, int selectorOffset, byte selector, int tail)
    {
        if (selectorOffset < 0 || selectorOffset >= header || tail < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(selectorOffset), "the selector must lie inside the header and the tail must not be empty");
        }

        return new FrameLength(header, -1, 0, selectorOffset, selector, tail);
    }

    /// <summary>The bytes after the header, read from a complete header (as a long: a LE32 may exceed int).</summary>
    internal long PayloadLength(ReadOnlySpan<byte> header)
    {
        if (SelectorOffset >= 0)
        {
            return header[SelectorOffset] == Selector ? SelectedTail : 0;
        }

        return LengthSize switch
        {
            0 => 0,
            1 => header[LengthOffset],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(header[LengthOffset..]),
            _ => BinaryPrimitives.ReadUInt32LittleEndian(header[LengthOffset..]),
        };
    }
}
