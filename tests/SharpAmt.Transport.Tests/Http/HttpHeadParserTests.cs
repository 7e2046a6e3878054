using System.Buffers;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.Tests.Support;
using Xunit;

namespace SharpAmt.Transport.Tests.Http;

public sealed class HttpHeadParserTests
{
    private static readonly HttpLimits Limits = HttpLimits.Default;

    [Theory]
    [MemberData(nameof(HttpParsingData.ValidRequests), MemberType = typeof(HttpParsingData))]
    public void Valid_request_head_is_parsed_with_header_order_and_exact_values(HttpParsingData.ValidRequest data)
    {
        var bytes = Segments.Latin1(data.Text + "BODY");
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));

        Assert.True(HttpHeadParser.TryReadRequestHead(ref reader, Limits, out var head));

        Assert.Equal(data.Method, head.Method);
        Assert.Equal(data.Target, head.Target);
        Assert.Equal(data.Version, head.Version);
        Assert.Equal(data.Headers, head.Headers.Select(header => (header.Key, header.Value)).ToArray());
        Assert.Equal(data.Text.Length, reader.Consumed);
    }

    [Theory]
    [MemberData(nameof(HttpParsingData.ValidResponses), MemberType = typeof(HttpParsingData))]
    public void Valid_response_head_is_parsed_with_header_order_and_exact_values(HttpParsingData.ValidResponse data)
    {
        var bytes = Segments.Latin1(data.Text + "<body>");
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));

        Assert.True(HttpHeadParser.TryReadResponseHead(ref reader, Limits, out var head));

        Assert.Equal(data.Version, head.Version);
        Assert.Equal(data.Status, head.StatusCode);
        Assert.Equal(data.Reason, head.ReasonPhrase);
        Assert.Equal(data.Headers, head.Headers.Select(header => (header.Key, header.Value)).ToArray());
        Assert.Equal(data.Text.Length, reader.Consumed);
    }

    [Theory]
    [MemberData(nameof(HttpParsingData.ValidRequests), MemberType = typeof(HttpParsingData))]
    public void Every_strict_prefix_of_a_request_head_returns_false_and_consumes_nothing(HttpParsingData.ValidRequest data)
    {
        var bytes = Segments.Latin1(data.Text);
        for (var length = 0; length < bytes.Length; length++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, length));

            var parsed = HttpHeadParser.TryReadRequestHead(ref reader, Limits, out _);

            Assert.False(parsed, $"prefix of {length} bytes parsed as a complete head");
            Assert.Equal(0, reader.Consumed);
        }
    }

    [Theory]
    [MemberData(nameof(HttpParsingData.ValidResponses), MemberType = typeof(HttpParsingData))]
    public void Every_strict_prefix_of_a_response_head_returns_false_and_consumes_nothing(HttpParsingData.ValidResponse data)
    {
        var bytes = Segments.Latin1(data.Text);
        for (var length = 0; length < bytes.Length; length++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, length));

            var parsed = HttpHeadParser.TryReadResponseHead(ref reader, Limits, out _);

            Assert.False(parsed, $"prefix of {length} bytes parsed as a complete head");
            Assert.Equal(0, reader.Consumed);
        }
    }

    [Theory]
    [MemberData(nameof(HttpParsingData.ValidResponses), MemberType = typeof(HttpParsingData))]
    public void Response_head_split_into_segments_at_any_byte_parses_the_same(HttpParsingData.ValidResponse data)
    {
        var bytes = Segments.Latin1(data.Text);
        for (var split = 1; split < bytes.Length; split++)
        {
            var reader = new SequenceReader<byte>(Segments.Of(bytes, split));

            Assert.True(HttpHeadParser.TryReadResponseHead(ref reader, Limits, out var head));
            Assert.Equal(data.Status, head.StatusCode);
            Assert.Equal(data.Headers, head.Headers.Select(header => (header.Key, header.Value)).ToArray());
            Assert.Equal(bytes.Length, reader.Consumed);
        }

        var scattered = new SequenceReader<byte>(Segments.OneBytePerSegment(bytes));
        Assert.True(HttpHeadParser.TryReadResponseHead(ref scattered, Limits, out var fromSingleBytes));
        Assert.Equal(data.Headers, fromSingleBytes.Headers.Select(header => (header.Key, header.Value)).ToArray());
    }

    [Theory]
    [MemberData(nameof(HttpParsingData.InvalidRequestData), MemberType = typeof(HttpParsingData))]
    public void Invalid_request_head_throws_the_matching_violation(string text, ProtocolViolation violation)
    {
        var exception = Assert.Throws<AmtProtocolException>(() =>
        {
            var reader = new SequenceReader<byte>(Segments.Of(text));
            HttpHeadParser.TryReadRequestHead(ref reader, Limits, out _);
        });

        Assert.Equal(violation, exception.Violation);
        Assert.DoesNotContain('\r', exception.Message);
        Assert.DoesNotContain('\n', exception.Message);
    }

    [Theory]
    [MemberData(nameof(HttpParsingData.InvalidResponseData), MemberType = typeof(HttpParsingData))]
    public void Invalid_response_head_throws_the_matching_violation(string text, ProtocolViolation violation)
    {
        var exception = Assert.Throws<AmtProtocolException>(() =>
        {
            var reader = new SequenceReader<byte>(Segments.Of(text));
            HttpHeadParser.TryReadResponseHead(ref reader, Limits, out _);
        });

        Assert.Equal(violation, exception.Violation);
        Assert.DoesNotContain('\r', exception.Message);
    }

    [Fact]
    public void Stray_line_breaks_before_a_pipelined_request_are_skipped()
    {
        const string head = "POST /wsman HTTP/1.1\r\nHost: 10.0.0.5\r\n\r\n";
        var reader = new SequenceReader<byte>(Segments.Of("\r\n\r\n" + head));

        Assert.True(HttpHeadParser.TryReadRequestHead(ref reader, Limits, out var parsed));
        Assert.Equal("/wsman", parsed.Target);
        Assert.Equal(4 + head.Length, reader.Consumed);

        var onlyBreaks = new SequenceReader<byte>(Segments.Of("\r\n\r\n"));
        Assert.False(HttpHeadParser.TryReadRequestHead(ref onlyBreaks, Limits, out _));
        Assert.Equal(0, onlyBreaks.Consumed);
    }

    [Fact]
    public void Head_exactly_at_the_size_limit_is_accepted_and_one_byte_more_is_refused()
    {
        const string head = "HTTP/1.1 200 OK\r\nServer: Intel(R) Active Management Technology 12.0.67\r\nContent-Length: 0\r\n\r\n";
        var atLimit = Limits with { MaxHeadBytes = head.Length };
        var belowLimit = Limits with { MaxHeadBytes = head.Length - 1 };

        var accepted = new SequenceReader<byte>(Segments.Of(head));
        Assert.True(HttpHeadParser.TryReadResponseHead(ref accepted, atLimit, out _));

        var exception = Assert.Throws<AmtProtocolException>(() =>
        {
            var refused = new SequenceReader<byte>(Segments.Of(head));
            HttpHeadParser.TryReadResponseHead(ref refused, belowLimit, out _);
        });
        Assert.Equal(ProtocolViolation.HeadTooLarge, exception.Violation);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nX-Filler: ")]
    [InlineData("HTTP/1.1 200 OK\r\nX-A: 1\r\nX-B: 2\r\nX-C: 3\r\nX-D: 4\r\nX-E: 5\r\nX-F: 6\r\nX-G: 7\r\n")]
    [InlineData("HTTP/1.1 200 OK no line end in sight, just a very long status line from a broken peer....")]
    public void Incomplete_head_over_the_size_limit_is_refused_before_more_is_buffered(string prefix)
    {
        var limits = Limits with { MaxHeadBytes = 48 };
        var text = prefix.PadRight(80, 'x');

        var exception = Assert.Throws<AmtProtocolException>(() =>
        {
            var reader = new SequenceReader<byte>(Segments.Of(text));
            HttpHeadParser.TryReadResponseHead(ref reader, limits, out _);
        });

        Assert.Equal(ProtocolViolation.HeadTooLarge, exception.Violation);
    }

    [Fact]
    public void Header_count_limit_is_exact()
    {
        var limits = Limits with { MaxHeaderCount = 3 };
        const string three = "POST /wsman HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n";
        const string four = "POST /wsman HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n";

        var reader = new SequenceReader<byte>(Segments.Of(three));
        Assert.True(HttpHeadParser.TryReadRequestHead(ref reader, limits, out var head));
        Assert.Equal(3, head.Headers.Count);

        var exception = Assert.Throws<AmtProtocolException>(() =>
        {
            var tooMany = new SequenceReader<byte>(Segments.Of(four));
            HttpHeadParser.TryReadRequestHead(ref tooMany, limits, out _);
        });
        Assert.Equal(ProtocolViolation.TooManyHeaders, exception.Violation);
    }

    [Fact]
    public void Too_many_headers_are_refused_before_the_head_is_complete()
    {
        var limits = Limits with { MaxHeaderCount = 3 };
        // Five complete header lines and no blank line yet: waiting for more would only buffer more.
        const string incomplete = "POST /wsman HTTP/1.1\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\nE: 5\r\n";

        var exception = Assert.Throws<AmtProtocolException>(() =>
        {
            var reader = new SequenceReader<byte>(Segments.Of(incomplete));
            HttpHeadParser.TryReadRequestHead(ref reader, limits, out _);
        });

        Assert.Equal(ProtocolViolation.TooManyHeaders, exception.Violation);
    }

    [Fact]
    public void Lower_case_header_names_are_found_by_any_case()
    {
        var data = HttpParsingData.Requests.Single(request => request.Name.StartsWith("MeshCentral relay", StringComparison.Ordinal));
        var reader = new SequenceReader<byte>(Segments.Of(data.Text));

        Assert.True(HttpHeadParser.TryReadRequestHead(ref reader, Limits, out var head));

        Assert.Equal("node//Qx7mU2$kPzLrA@9b:16992", head.Headers["Host"]);
        Assert.Equal("0", head.Headers["Content-Length"]);
        Assert.StartsWith("Digest username=\"admin\",", head.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("authorization", head.Headers.Last().Key);
    }

    [Fact]
    public void Error_detail_shows_peer_text_without_control_characters_and_bounded()
    {
        var line = "GET /\u0001\u001b" + new string('a', 100) + " HTTP/1.1 extra";

        var exception = Assert.Throws<AmtProtocolException>(() =>
        {
            var reader = new SequenceReader<byte>(Segments.Of(line + "\r\n\r\n"));
            HttpHeadParser.TryReadRequestHead(ref reader, Limits, out _);
        });

        Assert.Equal(ProtocolViolation.MalformedStartLine, exception.Violation);
        Assert.NotNull(exception.Detail);
        Assert.StartsWith("GET /??aaaa", exception.Detail, StringComparison.Ordinal);
        Assert.True(exception.Detail.Length <= 81, exception.Detail);
        Assert.All(exception.Detail, c => Assert.True(c >= ' ' && c != '\x7f'));
    }
}
