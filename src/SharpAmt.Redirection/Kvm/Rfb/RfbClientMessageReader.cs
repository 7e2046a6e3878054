using System.Buffers;
using System.Buffers.Binary;

namespace SharpAmt.Redirection.Kvm.Rfb;

/// <summary>
/// Cuts client messages out of the byte stream: a whole message or nothing (the reader is left where it was), with
/// limits checked on the announced length before anything is buffered.
/// </summary>
public static class RfbClientMessageReader
{
    /// <summary>More encodings than any viewer lists; a longer SetEncodings is an attack or garbage.</summary>
    public const int MaxEncodings = 1024;

    public static bool TryRead(ref SequenceReader<byte> reader, int maxCutText, out RfbClientMessage? message)
    {
        message = null;
        if (!reader.TryPeek(out var type))
        {
            return false;
        }

        Span<byte> head = stackalloc byte[20];
        switch ((RfbClientMessageType)type)
        {
            case RfbClientMessageType.SetPixelFormat:
                if (!reader.TryCopyTo(head))
                {
                    return false;
                }

                message = new RfbSetPixelFormat(RfbPixelFormat.Read(head[4..]));
                reader.Advance(20);
                return true;
            case RfbClientMessageType.SetEncodings:
            {
                if (!reader.TryCopyTo(head[..4]))
                {
                    return false;
                }

                int count = BinaryPrimitives.ReadUInt16BigEndian(head[2..]);
                if (count > MaxEncodings)
                {
                    RfbProtocolException.Throw(RfbRejectReason.MessageTooLarge, $"SetEncodings lists {count} encodings");
                }

                if (reader.Remaining < 4 + (4L * count))
                {
                    return false;
                }

                reader.Advance(4);
                var encodings = new int[count];
                for (var i = 0; i < count; i++)
                {
                    reader.TryReadBigEndian(out encodings[i]);
                }

                message = new RfbSetEncodings(encodings);
                return true;
            }

            case RfbClientMessageType.FramebufferUpdateRequest:
                if (!reader.TryCopyTo(head[..10]))
                {
                    return false;
                }

                message = new RfbUpdateRequest(head[1] != 0, new RfbRectangle(
                    BinaryPrimitives.ReadUInt16BigEndian(head[2..]),
                    BinaryPrimitives.ReadUInt16BigEndian(head[4..]),
                    BinaryPrimitives.ReadUInt16BigEndian(head[6..]),
                    BinaryPrimitives.ReadUInt16BigEndian(head[8..])));
                reader.Advance(10);
                return true;
            case RfbClientMessageType.KeyEvent:
                if (!reader.TryCopyTo(head[..8]))
                {
                    return false;
                }

                message = new RfbKeyEvent(head[1] != 0, BinaryPrimitives.ReadUInt32BigEndian(head[4..]));
                reader.Advance(8);
                return true;
            case RfbClientMessageType.PointerEvent:
                if (!reader.TryCopyTo(head[..6]))
                {
                    return false;
                }

                message = new RfbPointerEvent((RfbPointerButtons)head[1], BinaryPrimitives.ReadUInt16BigEndian(head[2..]), BinaryPrimitives.ReadUInt16BigEndian(head[4..]));
                reader.Advance(6);
                return true;
            case RfbClientMessageType.ClientCutText:
            {
                if (!reader.TryCopyTo(head[..8]))
                {
                    return false;
                }

                var length = BinaryPrimitives.ReadUInt32BigEndian(head[4..]);
                if (length > (uint)maxCutText)
                {
                    RfbProtocolException.Throw(RfbRejectReason.MessageTooLarge, $"ClientCutText of {length} bytes");
                }

                if (reader.Remaining < 8 + length)
                {
                    return false;
                }

                reader.Advance(8);
                var data = new byte[length];
                reader.TryCopyTo(data);
                reader.Advance(length);
                message = new RfbClientCutText(data);
                return true;
            }

            default:
                RfbProtocolException.Throw(RfbRejectReason.UnknownMessageType, $"client message type {type}");
                return false;
        }
    }
}
