using System.Buffers;
using System.Text;

namespace SharpAmt.Transport.Http;

/// <summary>
/// Parses request and response heads from buffered bytes. Incomplete input returns false and consumes
/// nothing; a head that breaks the format or a limit throws <see cref="AmtProtocolException"/>.
/// </summary>
public static class HttpHeadParser
{
    public static bool TryReadRequestHead(ref SequenceReader<byte> reader, HttpLimits limits, out HttpRequestHead head)
    {
        head = null!;
        if (!TryReadLines(ref reader, limits, out var lines))
        {
            return false;
        }

        var parts = lines[0].Split(' ');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            throw new AmtProtocolException(ProtocolViolation.MalformedStartLine, Printable(lines[0]));
        }

        RequireHttp11(parts[2]);
        head = new HttpRequestHead(parts[0], parts[1], parts[2], ParseHeaders(lines));
        return true;
    }

    public static bool TryReadResponseHead(ref SequenceReader<byte> reader, HttpLimits limits, out HttpResponseHead head)
    {
        head = null!;
        if (!TryReadLines(ref reader, limits, out var lines))
        {
            return false;
        }

        var line = lines[0];
        var firstSpace = line.IndexOf(' ');
        if (firstSpace < 0)
        {
            throw new AmtProtocolException(ProtocolViolation.MalformedStartLine, Printable(line));
        }

        var version = line[..firstSpace];
        RequireHttp11(version);
        var rest = line[(firstSpace + 1)..];
        var secondSpace = rest.IndexOf(' ');
        var codeText = secondSpace < 0 ? rest : rest[..secondSpace];
        if (codeText.Length != 3 || !int.TryParse(codeText, System.Globalization.NumberStyles.None, null, out var status))
        {
            throw new AmtProtocolException(ProtocolViolation.MalformedStartLine, Printable(line));
        }

        var reason = secondSpace < 0 ? "" : rest[(secondSpace + 1)..];
        head = new HttpResponseHead(version, status, reason, ParseHeaders(lines));
        return true;
    }

    private static void RequireHttp11(string version)
    {
        if (version is not ("HTTP/1.1" or "HTTP/1.0"))
        {
            throw new AmtProtocolException(ProtocolViolation.UnsupportedHttpVersion, Printable(version));
        }
    }

    private static bool TryReadLines(ref SequenceReader<byte> reader, HttpLimits limits, out List<string> lines)
    {
        lines = new List<string>(12);
        var originalConsumed = reader.Consumed;
        var startConsumed = reader.Consumed;
        while (true)
        {
            if (!reader.TryReadTo(out ReadOnlySequence<byte> raw, (byte)'\n'))
            {
                if (reader.Consumed - startConsumed + reader.Remaining > limits.MaxHeadBytes)
                {
                    throw new AmtProtocolException(ProtocolViolation.HeadTooLarge);
                }

                reader.Rewind(reader.Consumed - originalConsumed);
                return false;
            }

            if (reader.Consumed - startConsumed > limits.MaxHeadBytes)
            {
                throw new AmtProtocolException(ProtocolViolation.HeadTooLarge);
            }

            var text = Encoding.Latin1.GetString(raw);
            if (text.EndsWith('\r'))
            {
                text = text[..^1];
            }

            if (text.Length == 0)
            {
                if (lines.Count == 0)
                {
                    // Tolerate stray CRLF between pipelined messages (RFC 9112 section 2.2).
                    startConsumed = reader.Consumed;
                    continue;
                }

                return true;
            }

            if (lines.Count > limits.MaxHeaderCount)
            {
                throw new AmtProtocolException(ProtocolViolation.TooManyHeaders);
            }

            lines.Add(text);
        }
    }

    private static HttpHeaders ParseHeaders(List<string> lines)
    {
        var headers = new HttpHeaders();
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var colon = line.IndexOf(':');
            if (colon <= 0 || line[0] is ' ' or '\t' || line.AsSpan(0, colon).ContainsAny(' ', '\t'))
            {
                throw new AmtProtocolException(ProtocolViolation.MalformedHeader, Printable(line));
            }

            headers.Add(line[..colon], line[(colon + 1)..].Trim(' ', '\t'));
        }

        return headers;
    }

    /// <summary>Peer text for an error message: short and without control characters.</summary>
    internal static string Printable(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, 80));
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, 80)))
        {
            builder.Append(c is >= ' ' and < '\x7f' ? c : '?');
        }

        return text.Length > 80 ? builder.Append('…').ToString() : builder.ToString();
    }
}
