using System.Buffers;
using System.Buffers.Binary;

namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>RFB server-to-client message types (RFC 6143 §7.6, reference §6.6.4).</summary>
public enum RfbServerMessageType : byte
{
    FramebufferUpdate = 0,
    SetColourMapEntries = 1,
    Bell = 2,
    ServerCutText = 3,
}

/// <summary>Writes server messages big-endian into a buffer writer; rectangles are written by the encoders.</summary>
public static class RfbServerMessageWriter
{
    public const int RectangleHeaderSize = 12;

    /// <summary><c>00 00 &lt;nrects BE16&gt;</c>.</summary>
    public static void WriteUpdateHeader(IBufferWriter<byte> output, int rectangles)
    {
        var span = output.GetSpan(4);
        span[0] = (byte)RfbServerMessageType.FramebufferUpdate;
        span[1] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], checked((ushort)rectangles));
        output.Advance(4);
    }

    /// <summary><c>x y w h</c> (BE16) + encoding (BE32).</summary>
    public static void WriteRectangleHeader(IBufferWriter<byte> output, RfbRectangle area, RfbEncoding encoding)
    {
        var span = output.GetSpan(RectangleHeaderSize);
        BinaryPrimitives.WriteUInt16BigEndian(span, (ushort)area.X);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)area.Y);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)area.Width);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)area.Height);
        BinaryPrimitives.WriteInt32BigEndian(span[8..], (int)encoding);
        output.Advance(RectangleHeaderSize);
    }

    /// <summary>The DesktopSize pseudo-rectangle: no payload, the size in w and h.</summary>
    public static void WriteDesktopSize(IBufferWriter<byte> output, int width, int height) =>
        WriteRectangleHeader(output, new RfbRectangle(0, 0, width, height), RfbEncoding.DesktopSize);

    public static void WriteBell(IBufferWriter<byte> output)
    {
        output.GetSpan(1)[0] = (byte)RfbServerMessageType.Bell;
        output.Advance(1);
    }

    /// <summary><c>03 00 00 00 &lt;len BE32&gt; &lt;data&gt;</c>.</summary>
    public static void WriteServerCutText(IBufferWriter<byte> output, ReadOnlySpan<byte> data)
    {
        var span = output.GetSpan(8 + data.Length);
        span[0] = (byte)RfbServerMessageType.ServerCutText;
        span[1..4].Clear();
        BinaryPrimitives.WriteInt32BigEndian(span[4..], data.Length);
        data.CopyTo(span[8..]);
        output.Advance(8 + data.Length);
    }
}

/// <summary>What the client-side reader found: the start of an update, one whole rectangle, a bell or cut text.</summary>
public enum RfbServerItemKind
{
    UpdateStart,
    Rectangle,
    Bell,
    ServerCutText,
}

/// <summary>One item of the server's stream; <see cref="Payload"/> is valid until the reader advances.</summary>
public readonly record struct RfbServerItem(RfbServerItemKind Kind, int RectangleCount, RfbRectangle Area, RfbEncoding Encoding, ReadOnlySequence<byte> Payload);

/// <summary>
/// Cuts the server's stream into items, rectangle by rectangle, so that an update of a 4K screen never has to sit in
/// memory whole. A rectangle is returned only when its header and payload are both buffered; nothing is consumed
/// otherwise. Payload lengths come from the encoding (RAW: w × h × bytes per pixel; 16: the BE32 in front).
/// </summary>
public sealed class RfbServerMessageReader
{
    public RfbServerMessageReader(RfbPixelFormat format)
    {
        Format = format;
    }

    /// <summary>The format in force for RAW lengths; the client changes it when it sends SetPixelFormat.</summary>
    public RfbPixelFormat Format { get; set; }

    /// <summary>Largest rectangle payload accepted.</summary>
    public int MaxRectangleBytes { get; init; } = 64 * 1024 * 1024;

    public int MaxCutText { get; init; } = 1024 * 1024;

    /// <summary>Rectangles of the current update not read yet.</summary>
    public int RemainingRectangles { get; private set; }

    public bool TryRead(ref SequenceReader<byte> reader, out RfbServerItem item)
    {
        item = default;
        Span<byte> head = stackalloc byte[RfbServerMessageWriter.RectangleHeaderSize];
        if (RemainingRectangles > 0)
        {
            if (!reader.TryCopyTo(head))
            {
                return false;
            }

            var area = new RfbRectangle(
                BinaryPrimitives.ReadUInt16BigEndian(head),
                BinaryPrimitives.ReadUInt16BigEndian(head[2..]),
                BinaryPrimitives.ReadUInt16BigEndian(head[4..]),
                BinaryPrimitives.ReadUInt16BigEndian(head[6..]));
            var encoding = (RfbEncoding)BinaryPrimitives.ReadInt32BigEndian(head[8..]);
            long length;
            switch (encoding)
            {
                case RfbEncoding.Raw:
                    length = (long)area.Width * area.Height * Format.BytesPerPixel;
                    break;
                case RfbEncoding.AmtRle:
                    if (reader.Remaining < head.Length + 4)
                    {
                        return false;
                    }

                    var copy = reader;
                    copy.Advance(head.Length);
                    copy.TryReadBigEndian(out int compressed);
                    length = 4 + (long)(uint)compressed;
                    break;
                case RfbEncoding.DesktopSize:
                    length = 0;
                    break;
                default:
                    RfbProtocolException.Throw(RfbRejectReason.UnsupportedEncoding, $"encoding {(int)encoding}");
                    return false;
            }

            if (length > MaxRectangleBytes)
            {
                RfbProtocolException.Throw(RfbRejectReason.MessageTooLarge, $"rectangle of {length} bytes");
            }

            if (reader.Remaining < head.Length + length)
            {
                return false;
            }

            reader.Advance(head.Length);
            item = new RfbServerItem(RfbServerItemKind.Rectangle, 0, area, encoding, reader.UnreadSequence.Slice(0, length));
            reader.Advance(length);
            RemainingRectangles--;
            return true;
        }

        if (!reader.TryPeek(out var type))
        {
            return false;
        }

        switch ((RfbServerMessageType)type)
        {
            case RfbServerMessageType.FramebufferUpdate:
                if (!reader.TryCopyTo(head[..4]))
                {
                    return false;
                }

                reader.Advance(4);
                RemainingRectangles = BinaryPrimitives.ReadUInt16BigEndian(head[2..]);
                item = new RfbServerItem(RfbServerItemKind.UpdateStart, RemainingRectangles, default, default, default);
                return true;
            case RfbServerMessageType.Bell:
                reader.Advance(1);
                item = new RfbServerItem(RfbServerItemKind.Bell, 0, default, default, default);
                return true;
            case RfbServerMessageType.ServerCutText:
            {
                if (!reader.TryCopyTo(head[..8]))
                {
                    return false;
                }

                var length = BinaryPrimitives.ReadUInt32BigEndian(head[4..]);
                if (length > (uint)MaxCutText)
                {
                    RfbProtocolException.Throw(RfbRejectReason.MessageTooLarge, $"ServerCutText of {length} bytes");
                }

                if (reader.Remaining < 8 + length)
                {
                    return false;
                }

                reader.Advance(8);
                item = new RfbServerItem(RfbServerItemKind.ServerCutText, 0, default, default, reader.UnreadSequence.Slice(0, length));
                reader.Advance(length);
                return true;
            }

            default:
                RfbProtocolException.Throw(RfbRejectReason.UnknownMessageType, $"server message type {type}");
                return false;
        }
    }
}
