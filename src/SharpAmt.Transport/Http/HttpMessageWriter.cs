using System.Buffers;
using System.Text;

namespace SharpAmt.Transport.Http;

/// <summary>
/// Writes messages exactly as given: headers in the caller's order with one space after each colon. When the
/// headers announce chunked encoding the body is split into chunks whose size lines are four upper-case hex
/// digits, as AMT writes them.
/// </summary>
public static class HttpMessageWriter
{
    public const int MaxChunkSize = 0xFFFF;

    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    public static void WriteRequest(IBufferWriter<byte> output, string method, string target, HttpHeaders headers, ReadOnlySpan<byte> body)
    {
        WriteAscii(output, method);
        WriteAscii(output, " ");
        WriteAscii(output, target);
        WriteAscii(output, " HTTP/1.1\r\n");
        WriteHeadersAndBody(output, headers, body, MaxChunkSize);
    }

    public static void WriteResponse(IBufferWriter<byte> output, int statusCode, string reasonPhrase, HttpHeaders headers, ReadOnlySpan<byte> body, int chunkSize = 0x0400)
    {
        WriteAscii(output, "HTTP/1.1 ");
        WriteAscii(output, statusCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WriteAscii(output, " ");
        WriteAscii(output, reasonPhrase);
        output.Write(CrLf);
        WriteHeadersAndBody(output, headers, body, chunkSize);
    }

    private static void WriteHeadersAndBody(IBufferWriter<byte> output, HttpHeaders headers, ReadOnlySpan<byte> body, int chunkSize)
    {
        foreach (var header in headers)
        {
            WriteAscii(output, header.Key);
            WriteAscii(output, ": ");
            WriteAscii(output, header.Value);
            output.Write(CrLf);
        }

        output.Write(CrLf);
        if (headers.HasToken("Transfer-Encoding", "chunked"))
        {
            WriteChunked(output, body, Math.Clamp(chunkSize, 1, MaxChunkSize));
        }
        else
        {
            output.Write(body);
        }
    }

    private static void WriteChunked(IBufferWriter<byte> output, ReadOnlySpan<byte> body, int chunkSize)
    {
        while (body.Length > 0)
        {
            var length = Math.Min(chunkSize, body.Length);
            WriteAscii(output, length.ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            output.Write(CrLf);
            output.Write(body[..length]);
            output.Write(CrLf);
            body = body[length..];
        }

        output.Write("0\r\n\r\n"u8);
    }

    private static void WriteAscii(IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(text.Length);
        var written = Encoding.Latin1.GetBytes(text, span);
        output.Advance(written);
    }
}
