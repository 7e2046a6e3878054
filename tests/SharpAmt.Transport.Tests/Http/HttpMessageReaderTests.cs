using System.IO.Pipelines;
using System.Text;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.Tests.Support;
using Xunit;

namespace SharpAmt.Transport.Tests.Http;

public sealed class HttpMessageReaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A pipe whose writer delivers <paramref name="wire"/> in pieces, each flushed separately, then completes if asked.</summary>
    private static (HttpMessageReader Reader, Task Writing) Deliver(string wire, int pieceSize = int.MaxValue, bool complete = true, HttpLimits? limits = null)
    {
        var pipe = new Pipe();
        var bytes = Segments.Latin1(wire);
        var writing = Task.Run(async () =>
        {
            for (var offset = 0; offset < bytes.Length; offset += pieceSize)
            {
                await pipe.Writer.WriteAsync(bytes.AsMemory(offset, Math.Min(pieceSize, bytes.Length - offset)), Ct);
            }

            if (complete)
            {
                await pipe.Writer.CompleteAsync();
            }
        }, Ct);
        return (new HttpMessageReader(pipe.Reader, limits ?? HttpLimits.Default), writing);
    }

    private static string Text(ReadOnlyMemory<byte> body) => Encoding.Latin1.GetString(body.Span);

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(7)]
    [InlineData(1)]
    public async Task Content_length_response_is_read_whole(int pieceSize)
    {
        var (reader, writing) = Deliver("HTTP/1.1 401 Unauthorized\r\nContent-Length: 10\r\nServer: Intel(R) Active Management Technology 8.1.71\r\n\r\n0123456789", pieceSize, complete: false);

        var response = await reader.ReadResponseAsync(Ct);

        Assert.Equal(401, response.StatusCode);
        Assert.Equal("0123456789", Text(response.Body));
        Assert.True(response.KeepAlive);
        await writing;
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(5)]
    [InlineData(1)]
    public async Task Chunked_response_is_decoded(int pieceSize)
    {
        var (reader, writing) = Deliver(
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0005\r\n<a:En\r\n000A\r\nvelope/>\r\n\r\n0\r\n\r\n",
            pieceSize,
            complete: false);

        var response = await reader.ReadResponseAsync(Ct);

        Assert.Equal("<a:Envelope/>\r\n", Text(response.Body));
        Assert.True(response.KeepAlive);
        await writing;
    }

    [Fact]
    public async Task Response_without_length_is_read_until_close_and_not_kept()
    {
        var (reader, writing) = Deliver("HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<HTML>until the end</HTML>", pieceSize: 4);

        var response = await reader.ReadResponseAsync(Ct);

        Assert.Equal("<HTML>until the end</HTML>", Text(response.Body));
        Assert.False(response.KeepAlive);
        await writing;
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", false)]
    [InlineData("HTTP/1.1 400 Bad Request\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\nok\r\n0\r\n\r\n", false)]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok", false)]
    [InlineData("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", true)]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 2\r\n\r\nok", true)]
    public async Task Keep_alive_follows_the_version_and_the_connection_header(string wire, bool keepAlive)
    {
        var (reader, _) = Deliver(wire);

        var response = await reader.ReadResponseAsync(Ct);

        Assert.Equal("ok", Text(response.Body));
        Assert.Equal(keepAlive, response.KeepAlive);
    }

    [Theory]
    [InlineData("HTTP/1.1 204 No Content\r\n\r\n")]
    [InlineData("HTTP/1.1 304 Not Modified\r\nContent-Length: 20\r\n\r\n")]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\n")]
    public async Task Responses_that_cannot_have_a_body_end_at_the_head(string head)
    {
        var (reader, _) = Deliver(head + "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nnext");

        var first = await reader.ReadResponseAsync(Ct);
        var second = await reader.ReadResponseAsync(Ct);

        Assert.True(first.Body.IsEmpty);
        Assert.Equal(200, second.StatusCode);
        Assert.Equal("next", Text(second.Body));
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(3)]
    public async Task Pipelined_requests_are_read_in_order(int pieceSize)
    {
        var (reader, writing) = Deliver(
            "POST /wsman HTTP/1.1\r\nHost: 10.0.0.5:16992\r\nContent-Length: 5\r\n\r\nfirst" +
            "GET / HTTP/1.1\r\nhost: 10.0.0.5\r\n\r\n" +
            "POST /wsman HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nthi\r\n2\r\nrd\r\n0\r\n\r\n" +
            "\r\n",
            pieceSize);

        var first = await reader.ReadRequestAsync(Ct);
        var second = await reader.ReadRequestAsync(Ct);
        var third = await reader.ReadRequestAsync(Ct);
        var end = await reader.ReadRequestAsync(Ct);

        Assert.Equal(("POST", "/wsman", "first"), (first!.Head.Method, first.Head.Target, Text(first.Body)));
        Assert.Equal(("GET", "/", ""), (second!.Head.Method, second.Head.Target, Text(second.Body)));
        Assert.Equal(("POST", "/wsman", "third"), (third!.Head.Method, third.Head.Target, Text(third.Body)));
        Assert.Null(end);
        await writing;
    }

    [Theory]
    [InlineData("POST /wsman HTTP/1.1\r\nContent-Length: 0\r\n\r\n", true)]
    [InlineData("POST /wsman HTTP/1.1\r\nConnection: TE, close\r\n\r\n", false)]
    [InlineData("POST /wsman HTTP/1.0\r\n\r\n", false)]
    [InlineData("POST /wsman HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true)]
    public async Task Request_keep_alive_follows_the_version_and_the_connection_header(string wire, bool keepAlive)
    {
        var (reader, _) = Deliver(wire);

        var request = await reader.ReadRequestAsync(Ct);

        Assert.Equal(keepAlive, request!.WantsKeepAlive);
    }

    [Fact]
    public async Task Close_before_any_byte_of_a_response_reports_zero_bytes()
    {
        var (reader, _) = Deliver("");

        await Assert.ThrowsAsync<EndOfStreamException>(() => reader.ReadResponseAsync(Ct).AsTask());

        Assert.Equal(0, reader.BytesOfCurrentMessage);
    }

    [Fact]
    public async Task Close_between_requests_is_a_clean_end()
    {
        var (reader, _) = Deliver("GET / HTTP/1.1\r\n\r\n");

        Assert.NotNull(await reader.ReadRequestAsync(Ct));
        Assert.Null(await reader.ReadRequestAsync(Ct));
        Assert.Equal(0, reader.BytesOfCurrentMessage);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n012")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n000A\r\n01234")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0002\r\n01\r\n")]
    public async Task Close_in_the_middle_of_a_response_reports_the_bytes_received(string partial)
    {
        var (reader, _) = Deliver(partial, pieceSize: 4);

        await Assert.ThrowsAsync<EndOfStreamException>(() => reader.ReadResponseAsync(Ct).AsTask());

        Assert.Equal(partial.Length, reader.BytesOfCurrentMessage);
    }

    [Fact]
    public async Task Bytes_of_the_current_message_restart_with_each_response()
    {
        const string first = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        const string partial = "HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nabc";
        var (reader, _) = Deliver(first + partial);

        await reader.ReadResponseAsync(Ct);
        await Assert.ThrowsAsync<EndOfStreamException>(() => reader.ReadResponseAsync(Ct).AsTask());

        Assert.Equal(partial.Length, reader.BytesOfCurrentMessage);
    }

    [Theory]
    [InlineData("POST /wsman HTTP/1.1\r\nHost: 10.0")]
    [InlineData("POST /wsman HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc")]
    public async Task Close_in_the_middle_of_a_request_is_an_error(string partial)
    {
        var (reader, _) = Deliver(partial);

        await Assert.ThrowsAsync<EndOfStreamException>(() => reader.ReadRequestAsync(Ct).AsTask());
        Assert.Equal(partial.Length, reader.BytesOfCurrentMessage);
    }

    [Fact]
    public async Task Announced_length_over_the_limit_is_refused_without_waiting_for_the_body()
    {
        // The body never comes and the pipe stays open: the limit must apply to the announcement.
        var (reader, _) = Deliver("HTTP/1.1 200 OK\r\nContent-Length: 1000001\r\n\r\n", complete: false, limits: HttpLimits.Default with { MaxBodyBytes = 1_000_000 });

        var exception = await Assert.ThrowsAsync<AmtProtocolException>(() => reader.ReadResponseAsync(Ct).AsTask());

        Assert.Equal(ProtocolViolation.BodyTooLarge, exception.Violation);
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_refused()
    {
        var (reader, _) = Deliver("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0008\r\n01234567\r\n0008\r\n", complete: false, limits: HttpLimits.Default with { MaxBodyBytes = 12 });

        var exception = await Assert.ThrowsAsync<AmtProtocolException>(() => reader.ReadResponseAsync(Ct).AsTask());

        Assert.Equal(ProtocolViolation.BodyTooLarge, exception.Violation);
    }

    [Fact]
    public async Task Body_until_close_over_the_limit_is_refused()
    {
        var (reader, _) = Deliver("HTTP/1.1 200 OK\r\n\r\n" + new string('x', 40), complete: false, limits: HttpLimits.Default with { MaxBodyBytes = 32 });

        var exception = await Assert.ThrowsAsync<AmtProtocolException>(() => reader.ReadResponseAsync(Ct).AsTask());

        Assert.Equal(ProtocolViolation.BodyTooLarge, exception.Violation);
    }

    [Theory]
    [InlineData("Content-Length: -1", ProtocolViolation.MalformedContentLength)]
    [InlineData("Content-Length: 12abc", ProtocolViolation.MalformedContentLength)]
    [InlineData("Content-Length: ", ProtocolViolation.MalformedContentLength)]
    [InlineData("Transfer-Encoding: gzip", ProtocolViolation.UnsupportedTransferEncoding)]
    [InlineData("Transfer-Encoding: chunked, gzip", ProtocolViolation.UnsupportedTransferEncoding)]
    [InlineData("Transfer-Encoding: gzip, chunked", ProtocolViolation.UnsupportedTransferEncoding)]
    public async Task Unusable_body_framing_is_refused(string header, ProtocolViolation violation)
    {
        var (reader, _) = Deliver($"HTTP/1.1 200 OK\r\n{header}\r\n\r\nbody");

        var exception = await Assert.ThrowsAsync<AmtProtocolException>(() => reader.ReadResponseAsync(Ct).AsTask());

        Assert.Equal(violation, exception.Violation);
    }

    [Fact]
    public async Task Chunked_wins_over_content_length()
    {
        var (reader, _) = Deliver("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n");

        var response = await reader.ReadResponseAsync(Ct);

        Assert.Equal("ok", Text(response.Body));
    }
}
