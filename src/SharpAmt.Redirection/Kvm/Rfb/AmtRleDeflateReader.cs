using System.Buffers.Binary;
using System.IO.Compression;

namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// Undoes <see cref="AmtRleDeflateWriter"/> on the viewer side. A payload that is exactly one stored block
/// (byte 0 = 0 and LE16 at 1 = L − 5, MeshCommander's test) is used in place; anything else goes through one
/// inflater kept for the whole connection. A sync-flushed compressed piece never passes that test, because the flush
/// adds an empty stored block after the data.
/// </summary>
public sealed class AmtRleDeflateReader : IDisposable
{
    private readonly FeedStream _feed = new();
    private readonly Stream _inflate;
    private readonly bool _standardZrle;
    private byte[] _output = new byte[16 * 1024];

    /// <param name="standardZrle">Standard ZRLE: one zlib stream with its header, never stored blocks taken in place.</param>
    public AmtRleDeflateReader(bool standardZrle = false)
    {
        _standardZrle = standardZrle;
        _inflate = standardZrle
            ? new ZLibStream(_feed, CompressionMode.Decompress, leaveOpen: true)
            : new DeflateStream(_feed, CompressionMode.Decompress, leaveOpen: true);
    }

    /// <summary>Largest tile data one rectangle may inflate to.</summary>
    public int MaxInflated { get; init; } = 4 * 1024 * 1024;

    /// <summary>The tile bytes of one payload (after its BE32 length); valid until the next call.</summary>
    public ReadOnlySpan<byte> Read(ReadOnlySpan<byte> deflate)
    {
        if (!_standardZrle && deflate.Length >= 5 && deflate[0] == 0 && BinaryPrimitives.ReadUInt16LittleEndian(deflate[1..]) == deflate.Length - 5)
        {
            return deflate[5..];
        }

        _feed.Set(deflate.ToArray());
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == _output.Length)
                {
                    if (_output.Length >= MaxInflated)
                    {
                        throw new RfbProtocolException(RfbRejectReason.MessageTooLarge, "a compressed rectangle inflates beyond the limit");
                    }

                    Array.Resize(ref _output, Math.Min(_output.Length * 2, MaxInflated));
                }

                var read = _inflate.Read(_output, filled, _output.Length - filled);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }
        }
        catch (InvalidDataException exception)
        {
            throw new RfbProtocolException(RfbRejectReason.MalformedRectangle, "bad deflate data: " + exception.Message);
        }

        return _output.AsSpan(0, filled);
    }

    public void Dispose()
    {
        _inflate.Dispose();
        _feed.Dispose();
    }

    /// <summary>Hands the inflater one rectangle's bytes, then reports "no more for now" without ending the stream.</summary>
    private sealed class FeedStream : Stream
    {
        private byte[] _data = [];
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public void Set(byte[] data)
        {
            _data = data;
            _position = 0;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var count = Math.Min(buffer.Length, _data.Length - _position);
            _data.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
