using System.Buffers;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Wire;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Redirection.Tests.Ider.Wire;

/// <summary>The session's frame table for IDE-R cuts every IDE-R message where <see cref="IderFrames"/> says it ends.</summary>
public sealed class IderFrameTableTests
{
    [Theory]
    [InlineData("480000000000000001", 9)]
    [InlineData("480000000000000002", 9)]
    [InlineData("48000000000000000319000000", 13)]
    [InlineData("4B00000000000000", 8)]
    [InlineData("460000000000000000", 9)]
    public void A_message_is_cut_at_its_length_even_with_the_next_one_behind_it(string hex, int length)
    {
        var bytes = Convert.FromHexString(hex + "4B00000000000000");
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));

        Assert.True(RedirectionFrameReader.TryRead(ref reader, IderFrames.Table, out var frame));

        Assert.Equal(length, frame.Length);
        Assert.True(IderFrames.TryGetLength(new ReadOnlySequence<byte>(bytes), out var sameLength));
        Assert.Equal(length, sameLength);
    }

    [Fact]
    public void A_set_request_waits_for_its_value_and_a_query_does_not()
    {
        var set = new SequenceReader<byte>(new ReadOnlySequence<byte>(Convert.FromHexString("480000000000000003190000")));
        var query = new SequenceReader<byte>(new ReadOnlySequence<byte>(Convert.FromHexString("480000000000000001")));

        Assert.False(RedirectionFrameReader.TryRead(ref set, IderFrames.Table, out _));
        Assert.Equal(0, set.Consumed);
        Assert.True(RedirectionFrameReader.TryRead(ref query, IderFrames.Table, out _));
    }

    [Fact]
    public void The_largest_data_chunk_fits_and_the_limit_is_34_plus_65535()
    {
        var chunk = new byte[34 + 65535];
        chunk[0] = 0x54;
        chunk[9] = 0xFF;
        chunk[10] = 0xFF;
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(chunk));

        Assert.True(RedirectionFrameReader.TryRead(ref reader, IderFrames.Table, out var frame));
        Assert.Equal(34 + 65535, frame.Length);
        Assert.Equal(34 + 65535, IderFrames.Table.MaxFrameLength);
    }

    [Fact]
    public void Sol_opcodes_are_unknown_on_an_ide_r_connection()
    {
        var failure = Assert.Throws<AmtProtocolException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Convert.FromHexString("2B00000000000000")));
            RedirectionFrameReader.TryRead(ref reader, IderFrames.Table, out _);
        });

        Assert.Equal(ProtocolViolation.UnknownRedirectionMessage, failure.Violation);
    }
}
