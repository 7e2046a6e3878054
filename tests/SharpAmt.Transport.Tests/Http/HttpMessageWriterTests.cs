using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.RegularExpressions;
using FsCheck.Fluent;
using SharpAmt.Transport.Http;
using Xunit;

namespace SharpAmt.Transport.Tests.Http;

public sealed partial class HttpMessageWriterTests
{
    [GeneratedRegex("^[0-9A-F]{4}$")]
    private static partial Regex FourUpperHexDigits();

    private static string Response(int status, string reason, HttpHeaders headers, byte[] body, int chunkSize = 0x0400)
    {
        var output = new ArrayBufferWriter<byte>();
        HttpMessageWriter.WriteResponse(output, status, reason, headers, body, chunkSize);
        return Encoding.Latin1.GetString(output.WrittenSpan);
    }

    /// <summary>Splits a chunked body into its size lines and data, checking the framing on the way.</summary>
    private static List<(string SizeLine, string Data)> Chunks(string chunked)
    {
        var chunks = new List<(string, string)>();
        var position = 0;
        while (true)
        {
            var lineEnd = chunked.IndexOf("\r\n", position, StringComparison.Ordinal);
            Assert.True(lineEnd > position, "chunk size line without CRLF");
            var sizeLine = chunked[position..lineEnd];
            var size = Convert.ToInt32(sizeLine, 16);
            position = lineEnd + 2;
            if (size == 0)
            {
                Assert.Equal("0", sizeLine);
                Assert.Equal("\r\n", chunked[position..]);
                return chunks;
            }

            chunks.Add((sizeLine, chunked.Substring(position, size)));
            position += size;
            Assert.Equal("\r\n", chunked.Substring(position, 2));
            position += 2;
        }
    }

    [Fact]
    public void Request_is_written_with_headers_in_order_and_one_space_after_each_colon()
    {
        var output = new ArrayBufferWriter<byte>();
        var headers = new HttpHeaders()
            .Add("Host", "127.0.0.2:16992")
            .Add("Authorization", "Digest username=\"admin\",realm=\"Digest:0\"")
            .Add("Content-Length", "5");

        HttpMessageWriter.WriteRequest(output, "POST", "/wsman", headers, "hello"u8);

        Assert.Equal(
            "POST /wsman HTTP/1.1\r\nHost: 127.0.0.2:16992\r\nAuthorization: Digest username=\"admin\",realm=\"Digest:0\"\r\nContent-Length: 5\r\n\r\nhello",
            Encoding.Latin1.GetString(output.WrittenSpan));
    }

    [Fact]
    public void Chunk_size_lines_are_four_upper_case_hex_digits_and_the_body_ends_with_the_last_chunk()
    {
        var body = Enumerable.Range(0, 2500).Select(i => (byte)('a' + (i % 26))).ToArray();
        var headers = new HttpHeaders().Add("Content-Type", "application/soap+xml; charset=UTF-8").Add("Transfer-Encoding", "chunked");

        var text = Response(200, "OK", headers, body, chunkSize: 0x03AB);

        const string head = "HTTP/1.1 200 OK\r\nContent-Type: application/soap+xml; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n\r\n";
        Assert.StartsWith(head, text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n0\r\n\r\n", text, StringComparison.Ordinal);
        var chunks = Chunks(text[head.Length..]);
        Assert.Equal(["03AB", "03AB", "026E"], chunks.Select(chunk => chunk.SizeLine));
        Assert.All(chunks, chunk => Assert.Matches(FourUpperHexDigits(), chunk.SizeLine));
        Assert.Equal(Encoding.Latin1.GetString(body), string.Concat(chunks.Select(chunk => chunk.Data)));
    }

    [Fact]
    public void Chunk_size_is_capped_at_four_hex_digits()
    {
        var body = new byte[0x1_0005];
        var text = Response(200, "OK", new HttpHeaders().Add("Transfer-Encoding", "chunked"), body, chunkSize: 0x7FFF_FFFF);

        var chunks = Chunks(text[text.IndexOf("\r\n\r\n", StringComparison.Ordinal)..][4..]);

        Assert.Equal(["FFFF", "0006"], chunks.Select(chunk => chunk.SizeLine));
    }

    [Fact]
    public void Empty_chunked_body_is_only_the_last_chunk()
    {
        var text = Response(200, "OK", new HttpHeaders().Add("Transfer-Encoding", "chunked"), []);

        Assert.Equal("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", text);
    }

    [Fact]
    public void Body_without_chunked_encoding_is_written_as_is()
    {
        var text = Response(401, "Unauthorized", new HttpHeaders().Add("Content-Length", "4").Add("Connection", "close"), "<h1>"u8.ToArray());

        Assert.Equal("HTTP/1.1 401 Unauthorized\r\nContent-Length: 4\r\nConnection: close\r\n\r\n<h1>", text);
    }

    [Fact]
    public async Task Writer_output_reads_back_through_the_reader_for_any_body_and_chunk_size()
    {
        var bodies = Gen.Choose(0, 5000).SelectMany(length => Gen.ArrayOf(Gen.Choose(0, 255).Select(value => (byte)value), length));
        var cases = Gen.Zip(bodies, Gen.Zip(Gen.Choose(1, 0xFFFF).Or(Gen.Choose(1, 16)), Gen.Elements(true, false)));

        foreach (var (body, (chunkSize, chunked)) in Gen.Sample(cases, 100, 200))
        {
            var headers = new HttpHeaders().Add("Server", "Intel(R) Active Management Technology 12.0.67");
            headers = chunked
                ? headers.Add("Transfer-Encoding", "chunked")
                : headers.Add("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var output = new ArrayBufferWriter<byte>();
            HttpMessageWriter.WriteResponse(output, 200, "OK", headers, body, chunkSize);

            var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
            await pipe.Writer.WriteAsync(output.WrittenMemory, TestContext.Current.CancellationToken);
            await pipe.Writer.CompleteAsync();
            var response = await new HttpMessageReader(pipe.Reader, HttpLimits.Default).ReadResponseAsync(TestContext.Current.CancellationToken);

            Assert.Equal(200, response.StatusCode);
            Assert.True(response.Body.Span.SequenceEqual(body), $"body of {body.Length} bytes changed (chunked: {chunked}, chunk size {chunkSize})");
            Assert.True(response.KeepAlive);
        }
    }
}
