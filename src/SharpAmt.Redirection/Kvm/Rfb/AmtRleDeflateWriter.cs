using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// The payload of an encoding-16 rectangle: <c>&lt;L BE32&gt;</c> and L bytes of raw deflate data. Uncompressed it
/// is AMT's single stored block <c>00 &lt;len LE16&gt; &lt;~len LE16&gt;</c> + the tile; with zlib on (KvmExtCmd) it
/// is the next piece of one deflate stream that lasts the whole connection, sync-flushed after every rectangle so the
/// viewer can draw it at once (that flush is unconfirmed against real firmware, reference §6.6.4).
/// </summary>
public sealed class AmtRleDeflateWriter : IDisposable
{
    private readonly MemoryStream _compressed = new();
    private Stream? _deflate;

    /// <summary>Compress from now on; switching back to stored blocks keeps the stream for a later switch on.</summary>
    public bool Compress { get; set; }

    /// <summary>Standard ZRLE: a zlib stream (header first), always compressed, whatever <see cref="Compress"/> says.</summary>
    public bool StandardZrle { get; init; }

    /// <summary>Writes the BE32 length and the deflate data of <paramref name="tile"/>.</summary>
    public void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> tile)
    {
        if (!Compress && !StandardZrle)
        {
            if (tile.Length > ushort.MaxValue)
            {
                throw new ArgumentException("a stored block holds at most 65535 bytes", nameof(tile));
            }

            var span = output.GetSpan(4 + 5 + tile.Length);
            BinaryPrimitives.WriteInt32BigEndian(span, 5 + tile.Length);
            span[4] = 0;
            BinaryPrimitives.WriteUInt16LittleEndian(span[5..], (ushort)tile.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(span[7..], (ushort)~tile.Length);
            tile.CopyTo(span[9..]);
            output.Advance(4 + 5 + tile.Length);
            return;
        }

        _deflate ??= StandardZrle
            ? new ZLibStream(_compressed, CompressionLevel.Fastest, leaveOpen: true)
            : new DeflateStream(_compressed, CompressionLevel.Fastest, leaveOpen: true);
        _compressed.SetLength(0);
        _deflate.Write(tile);

        // DeflateStream.Flush (and ZLibStream's) is a sync flush: the bytes so far end on a byte boundary with an empty stored block.
        _deflate.Flush();
        var length = (int)_compressed.Length;
        var target = output.GetSpan(4 + length);
        BinaryPrimitives.WriteInt32BigEndian(target, length);
        _compressed.GetBuffer().AsSpan(0, length).CopyTo(target[4..]);
        output.Advance(4 + length);
    }

    public void Dispose()
    {
        _deflate?.Dispose();
        _compressed.Dispose();
    }
}
