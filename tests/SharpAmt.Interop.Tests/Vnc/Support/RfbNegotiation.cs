using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using SharpAmt.Redirection.Kvm.Rfb;

namespace SharpAmt.Interop.Tests.Vnc.Support;

/// <summary>
/// What one viewer and server agreed on, read from an <see cref="RfbTap"/> recording: the versions, the security
/// type, ServerInit, each SetPixelFormat and SetEncodings the viewer sent, and the encodings of the rectangles the
/// server answered with. Rectangles are cut with the pixel format the viewer had set when the update reached the
/// relay: exact for viewers that set their format before their first request (TigerVNC and vncsnapshot do), so a
/// later format change can end the reading early; <see cref="ServerStreamNote"/> then says where.
/// </summary>
internal sealed record RfbNegotiation(
    string ServerVersion,
    string ViewerVersion,
    int SecurityType,
    RfbScreenSize? InitialSize,
    RfbPixelFormat? ServerFormat,
    IReadOnlyList<RfbPixelFormat> ViewerFormats,
    IReadOnlyList<IReadOnlyList<int>> ViewerEncodings,
    IReadOnlyList<RfbEncoding> RectangleEncodings,
    int KeyEvents,
    int PointerEvents,
    string ServerStreamNote)
{
    /// <summary>The format pixels travelled in: the viewer's last SetPixelFormat, else ServerInit's.</summary>
    public RfbPixelFormat? EffectiveFormat => ViewerFormats.Count > 0 ? ViewerFormats[^1] : ServerFormat;

    public static RfbNegotiation Read(IReadOnlyList<RfbTapChunk> chunks)
    {
        var viewer = Concatenate(chunks, fromViewer: true, out var viewerOrders);
        var server = Concatenate(chunks, fromViewer: false, out var serverOrders);
        var serverVersion = Ascii(server, 0, 12);
        var viewerVersion = Ascii(viewer, 0, 12);
        var minor = viewerVersion.StartsWith("RFB 003.00", StringComparison.Ordinal) && viewerVersion.Length >= 11 ? viewerVersion[10] - '0' : 8;

        // The security exchange: 3.3 has the server pick (BE32); 3.7 and later have the viewer pick from a list.
        int security, viewerAt = 12, serverAt = 12;
        if (minor < 7)
        {
            security = server.Length >= serverAt + 4 ? BinaryPrimitives.ReadInt32BigEndian(server.AsSpan(serverAt)) : -1;
            serverAt += 4;
        }
        else
        {
            serverAt += 1 + (server.Length > serverAt ? server[serverAt] : 0);
            security = viewer.Length > viewerAt ? viewer[viewerAt] : -1;
            viewerAt++;
        }

        if (security == (int)RfbSecurityType.VncAuthentication)
        {
            serverAt += VncAuthentication.ChallengeSize;
            viewerAt += VncAuthentication.ChallengeSize;
        }

        var authenticated = server.Length >= serverAt + 4 && BinaryPrimitives.ReadUInt32BigEndian(server.AsSpan(serverAt)) == 0;
        if (security == (int)RfbSecurityType.VncAuthentication || minor >= 8)
        {
            serverAt += 4;
        }

        viewerAt++;
        RfbScreenSize? size = null;
        RfbPixelFormat? serverFormat = null;
        if (authenticated && server.Length >= serverAt + 24)
        {
            size = new RfbScreenSize(BinaryPrimitives.ReadUInt16BigEndian(server.AsSpan(serverAt)), BinaryPrimitives.ReadUInt16BigEndian(server.AsSpan(serverAt + 2)));
            serverFormat = RfbPixelFormat.Read(server.AsSpan(serverAt + 4));
            serverAt += 24 + BinaryPrimitives.ReadInt32BigEndian(server.AsSpan(serverAt + 20));
        }

        var formats = new List<(long Order, RfbPixelFormat Format)>();
        var encodings = new List<IReadOnlyList<int>>();
        int keys = 0, pointers = 0;
        if (authenticated && viewer.Length > viewerAt)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(viewer, viewerAt, viewer.Length - viewerAt));
            while (true)
            {
                var at = viewerAt + (int)reader.Consumed;
                try
                {
                    if (!RfbClientMessageReader.TryRead(ref reader, int.MaxValue, out var message))
                    {
                        break;
                    }

                    switch (message)
                    {
                        case RfbSetPixelFormat set:
                            formats.Add((viewerOrders[at], set.Format));
                            break;
                        case RfbSetEncodings set:
                            encodings.Add(set.Encodings);
                            break;
                        case RfbKeyEvent:
                            keys++;
                            break;
                        case RfbPointerEvent:
                            pointers++;
                            break;
                    }
                }
                catch (RfbProtocolException)
                {
                    // A message this library does not know (an extension the server never offered); stop reading.
                    break;
                }
            }
        }

        var (rectangles, note) = serverFormat is { } initial && server.Length > serverAt
            ? ReadRectangles(server, serverAt, serverOrders, initial, formats)
            : ([], "no updates");
        return new RfbNegotiation(serverVersion, viewerVersion, security, size, serverFormat, formats.ConvertAll(f => f.Format), encodings, rectangles, keys, pointers, note);
    }

    private static (IReadOnlyList<RfbEncoding>, string) ReadRectangles(byte[] server, int start, long[] orders, RfbPixelFormat initial, List<(long Order, RfbPixelFormat Format)> formats)
    {
        var seen = new List<RfbEncoding>();
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(server, start, server.Length - start));
        var messages = new RfbServerMessageReader(initial);
        try
        {
            while (true)
            {
                var at = start + (int)reader.Consumed;
                if (messages.RemainingRectangles == 0 && at < server.Length)
                {
                    messages.Format = formats.LastOrDefault(f => f.Order < orders[at], (0, initial)).Format;
                }

                if (!messages.TryRead(ref reader, out var item))
                {
                    return (seen, reader.Remaining == 0 ? "read to the end" : $"{reader.Remaining} bytes of an unfinished message at the end");
                }

                if (item.Kind == RfbServerItemKind.Rectangle && !seen.Contains(item.Encoding))
                {
                    seen.Add(item.Encoding);
                }
            }
        }
        catch (RfbProtocolException exception)
        {
            return (seen, $"stopped at byte {start + reader.Consumed}: {exception.Message}");
        }
    }

    private static byte[] Concatenate(IReadOnlyList<RfbTapChunk> chunks, bool fromViewer, out long[] orders)
    {
        var selected = chunks.Where(chunk => chunk.FromViewer == fromViewer).ToArray();
        var bytes = new byte[selected.Sum(chunk => chunk.Bytes.Length)];
        orders = new long[bytes.Length];
        var offset = 0;
        foreach (var chunk in selected)
        {
            chunk.Bytes.CopyTo(bytes, offset);
            Array.Fill(orders, chunk.Order, offset, chunk.Bytes.Length);
            offset += chunk.Bytes.Length;
        }

        return bytes;
    }

    private static string Ascii(byte[] bytes, int start, int length) =>
        bytes.Length >= start + length ? Encoding.ASCII.GetString(bytes, start, length).TrimEnd('\n') : "";

    /// <summary>One line for the test log.</summary>
    public override string ToString() =>
        $"server '{ServerVersion}', viewer '{ViewerVersion}', security {SecurityType}, ServerInit {InitialSize} {ServerFormat}; "
        + $"viewer formats [{string.Join("; ", ViewerFormats)}], encodings [{string.Join(" | ", ViewerEncodings.Select(list => string.Join(' ', list)))}]; "
        + $"server sent [{string.Join(' ', RectangleEncodings)}] ({ServerStreamNote}); {KeyEvents} key and {PointerEvents} pointer events";
}
