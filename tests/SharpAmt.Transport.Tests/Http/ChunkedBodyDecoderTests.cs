using System.Buffers;
using System.Text;
using SharpAmt.Transport.Http;
using SharpAmt.Transport.Tests.Support;
using Xunit;

namespace SharpAmt.Transport.Tests.Http;

public sealed class ChunkedBodyDecoderTests
{
    private const int NoLimit = 1024 * 1024;

    /// <summary>A reply body in three chunks of the sizes a real AMT 15 wrote (0220, 02FA, 003C), cut mid-element.</summary>
    private static (byte[] Wire, byte[] Body) AmtStyleBody()
    {
        var builder = new StringBuilder();
        while (builder.Length < 0x220 + 0x2FA + 0x3C)
        {
            builder.Append("<g:AMT_GeneralSettings><g:HostName>nuc-").Append(builder.Length).Append("</g:HostName></g:AMT_GeneralSettings>");
        }

        var body = Encoding.ASCII.GetBytes(builder.ToString(0, 0x220 + 0x2FA + 0x3C));
        var wire = new List<byte>();
        var offset = 0;
        foreach (var (size, line) in new[] { (0x220, "0220"), (0x2FA, "02FA"), (0x3C, "003C") })
        {
            wire.AddRange(Encoding.ASCII.GetBytes(line + "\r\n"));
            wire.AddRange(body.AsSpan(offset, size).ToArray());
            wire.AddRange("\r\n"u8.ToArray());
            offset += size;
        }

        wire.AddRange("0\r\n\r\n"u8.ToArray());
        return (wire.ToArray(), body);
    }

    /// <summary>
    /// Feeds <paramref name="wire"/> the way <see cref="HttpMessageReader"/> does: each call sees what is left
    /// unconsumed plus the newly arrived piece.
    /// </summary>
    private static (byte[] Body, bool Complete, byte[] Unconsumed) DecodeInPieces(byte[] wire, int maxBody, params int[] cuts)
    {
        var decoder = new ChunkedBodyDecoder(maxBody);
        var output = new ArrayBufferWriter<byte>();
        var pending = new List<byte>();
        var position = 0;
        foreach (var cut in cuts.Where(cut => cut > 0 && cut < wire.Length).Append(wire.Length))
        {
            pending.AddRange(wire[position..cut]);
            position = cut;
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(pending.ToArray()));
            var done = decoder.Decode(ref reader, output);
            pending.RemoveRange(0, (int)reader.Consumed);
            if (done)
            {
                Assert.True(decoder.IsComplete);
                pending.AddRange(wire[position..]);
                return (output.WrittenSpan.ToArray(), true, pending.ToArray());
            }
        }

        Assert.False(decoder.IsComplete);
        return (output.WrittenSpan.ToArray(), false, pending.ToArray());
    }

    private static AmtProtocolException DecodeFails(string wire, int maxBody = NoLimit) =>
        Assert.Throws<AmtProtocolException>(() => DecodeInPieces(Segments.Latin1(wire), maxBody));

    [Fact]
    public void Endless_trailers_are_refused()
    {
        var wire = "4\r\nbody\r\n0\r\n" + string.Concat(Enumerable.Repeat("X-Trailer: 1\r\n", 40)) + "\r\n";

        var error = DecodeFails(wire);

        Assert.Equal(ProtocolViolation.MalformedChunk, error.Violation);
    }

    [Fact]
    public void A_few_trailers_are_accepted()
    {
        var (body, complete, _) = DecodeInPieces(Segments.Latin1("4\r\nbody\r\n0\r\nX-A: 1\r\nX-B: 2\r\n\r\n"), NoLimit);

        Assert.True(complete);
        Assert.Equal("body", Encoding.ASCII.GetString(body));
    }

    [Fact]
    public void Amt_four_digit_upper_case_sizes_decode()
    {
        var (wire, body) = AmtStyleBody();

        var (decoded, complete, rest) = DecodeInPieces(wire, NoLimit);

        Assert.True(complete);
        Assert.Equal(body, decoded);
        Assert.Empty(rest);
    }

    [Theory]
    [InlineData("1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n", "abcdefghijklmnopqrstuvwxyz")]
    [InlineData("1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n", "abcdefghijklmnopqrstuvwxyz")]
    [InlineData("5;name=value\r\nhello\r\n6;a;b=\"c;d\"\r\n world\r\n0;last\r\n\r\n", "hello world")]
    [InlineData("5 ;ext\r\nhello\r\n0\r\n\r\n", "hello")]
    [InlineData("00000005\r\nhello\r\n000\r\n\r\n", "hello")]
    [InlineData("5\r\nhello\r\n0\r\nX-Trailer: one\r\nX-Other: two\r\n\r\n", "hello")]
    [InlineData("5\nhello\n0\n\n", "hello")]
    [InlineData("0\r\n\r\n", "")]
    public void Sizes_extensions_and_trailers_are_accepted(string wire, string expected)
    {
        var (decoded, complete, rest) = DecodeInPieces(Segments.Latin1(wire), NoLimit);

        Assert.True(complete);
        Assert.Equal(expected, Encoding.Latin1.GetString(decoded));
        Assert.Empty(rest);
    }

    [Fact]
    public void Body_split_at_every_byte_position_decodes_the_same()
    {
        var (wire, body) = AmtStyleBody();
        var next = "HTTP/1.1 200 OK\r\n"u8.ToArray();
        var withNext = wire.Concat(next).ToArray();

        for (var cut = 1; cut < wire.Length; cut++)
        {
            var (decoded, complete, rest) = DecodeInPieces(withNext, NoLimit, cut);

            Assert.True(complete, $"not complete when cut at {cut}");
            Assert.Equal(body, decoded);
            Assert.Equal(next, rest);
        }
    }

    [Fact]
    public void Body_in_one_segment_per_byte_decodes_in_one_call()
    {
        var (wire, body) = AmtStyleBody();
        var decoder = new ChunkedBodyDecoder(NoLimit);
        var output = new ArrayBufferWriter<byte>();
        var reader = new SequenceReader<byte>(Segments.OneBytePerSegment(wire));

        Assert.True(decoder.Decode(ref reader, output));

        Assert.Equal(body, output.WrittenSpan.ToArray());
        Assert.Equal(wire.Length, reader.Consumed);
    }

    [Fact]
    public void Body_arriving_one_byte_at_a_time_decodes()
    {
        var (wire, body) = AmtStyleBody();

        var (decoded, complete, _) = DecodeInPieces(wire, NoLimit, Enumerable.Range(1, wire.Length - 1).ToArray());

        Assert.True(complete);
        Assert.Equal(body, decoded);
    }

    [Fact]
    public void Every_strict_prefix_is_incomplete()
    {
        var (wire, _) = AmtStyleBody();
        for (var length = 0; length < wire.Length; length++)
        {
            var (_, complete, _) = DecodeInPieces(wire[..length], NoLimit);
            Assert.False(complete, $"complete after {length} of {wire.Length} bytes");
        }
    }

    [Fact]
    public void Body_exactly_at_the_limit_is_accepted()
    {
        var (decoded, complete, _) = DecodeInPieces(Segments.Latin1("4\r\nabcd\r\n6\r\nefghij\r\n0\r\n\r\n"), maxBody: 10);

        Assert.True(complete);
        Assert.Equal("abcdefghij", Encoding.Latin1.GetString(decoded));
    }

    [Theory]
    [InlineData("000B\r\n")]
    [InlineData("4\r\nabcd\r\n7\r\n")]
    [InlineData("FFFFFFFF\r\n")]
    public void Body_over_the_limit_is_refused_at_the_size_line(string wire)
    {
        // Only the size line has arrived: the decoder refuses before any of the chunk is buffered.
        var exception = DecodeFails(wire, maxBody: 10);

        Assert.Equal(ProtocolViolation.BodyTooLarge, exception.Violation);
    }

    [Theory]
    [InlineData("G\r\nabc\r\n0\r\n\r\n")]
    [InlineData("\r\nabc\r\n0\r\n\r\n")]
    [InlineData("-1\r\n\r\n")]
    [InlineData(" 5\r\nhello\r\n0\r\n\r\n")]
    [InlineData("0x5\r\nhello\r\n0\r\n\r\n")]
    [InlineData("5 5\r\nhello\r\n0\r\n\r\n")]
    [InlineData("123456789\r\n")]
    [InlineData(";ext\r\n")]
    public void Malformed_size_is_refused(string wire)
    {
        Assert.Equal(ProtocolViolation.MalformedChunk, DecodeFails(wire).Violation);
    }

    [Theory]
    [InlineData("5\r\nhelloX\r\n0\r\n\r\n")]
    [InlineData("5\r\nhello0\r\n\r\n")]
    [InlineData("3\r\nhello\r\n0\r\n\r\n")]
    public void Missing_crlf_after_chunk_data_is_refused(string wire)
    {
        Assert.Equal(ProtocolViolation.MalformedChunk, DecodeFails(wire).Violation);
    }

    [Fact]
    public void Endless_size_line_is_refused_before_it_is_buffered()
    {
        var wire = new string('0', 300);

        Assert.Equal(ProtocolViolation.MalformedChunk, DecodeFails(wire).Violation);
    }

    [Fact]
    public void Endless_data_terminator_line_is_refused()
    {
        var wire = "2\r\nab" + new string('x', 300);

        Assert.Equal(ProtocolViolation.MalformedChunk, DecodeFails(wire).Violation);
    }
}
