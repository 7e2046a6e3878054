using System.Buffers;
using SharpAmt.Redirection.Wire;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Redirection.Tests;

/// <summary>The frame reader finds whole messages whatever the reads split or coalesced, and rejects early.</summary>
public sealed class FrameReaderTests
{
    /// <summary>Reference section 6.4's amtterm exchange, both directions, plus MeshCommander's 0x27 and a heartbeat.</summary>
    private static readonly byte[][] Exchange =
    [
        Hex("10 00 00 00 53 4F 4C 20"),
        Hex("11 00 00 00 01 00 0B 08 57 01 00 00 00"),
        Hex("13 00 00 00 01 0F 00 00 00 05 61 64 6D 69 6E 08 50 40 73 73 77 30 72 64"),
        Hex("14 00 00 00 01 00 00 00 00"),
        Hex("20 00 00 00 00 00 00 00 E8 03 64 00 00 00 10 27 00 00 88 13 00 00 00 00"),
        Hex("21 00 00 00 01 00 00 00 01 00 0B 08 00 20 01 00 00 00 57 01 00 00 00"),
        Hex("29 00 00 00 02 00 00 00 00 04"),
        Hex("2A 00 00 00 03 00 00 00 12 00 0D 0A 73 69 6D 75 6C 61 74 65 64 20 42 49 4F 53 3E 20"),
        Hex("28 00 00 00 00 00 00 00 02 00 78 0D"),
        Hex("27 00 00 00 02 00 00 00 00 00 1B 00 00 00"),
        Hex("2B 00 00 00 04 00 00 00"),
        Hex("22 00 00 00 00 00 00 00"),
        Hex("23 00 00 00 05 00 00 00"),
        Hex("12 00 00 00"),
    ];

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    private static byte[] All => Exchange.SelectMany(frame => frame).ToArray();

    [Fact]
    public void Coalesced_messages_come_out_one_by_one()
    {
        var frames = ReadAll(new ReadOnlySequence<byte>(All), out var consumed);

        Assert.Equal(All.Length, consumed);
        Assert.Equal(Exchange, frames.Select(frame => frame.Bytes));
    }

    [Fact]
    public void Every_split_point_gives_the_same_messages()
    {
        var all = All;
        for (var split = 1; split < all.Length; split++)
        {
            var sequence = Segments.Create(all[..split], all[split..]);
            Assert.Equal(Exchange, ReadAll(sequence, out _).Select(frame => frame.Bytes));
        }
    }

    [Fact]
    public void Byte_by_byte_arrival_gives_the_same_messages()
    {
        var all = All;
        var buffered = new List<byte>();
        var frames = new List<byte[]>();
        foreach (var value in all)
        {
            buffered.Add(value);
            var sequence = new ReadOnlySequence<byte>(buffered.ToArray());
            var reader = new SequenceReader<byte>(sequence);
            if (RedirectionFrameReader.TryRead(ref reader, RedirectionFrameTable.Sol, out var frame))
            {
                frames.Add(frame.Bytes);
                buffered.RemoveRange(0, (int)reader.Consumed);
            }
            else
            {
                Assert.Equal(0, reader.Consumed);
            }
        }

        Assert.Equal(Exchange, frames);
        Assert.Empty(buffered);
    }

    [Fact]
    public void Every_strict_prefix_needs_more_and_consumes_nothing()
    {
        foreach (var message in Exchange)
        {
            for (var length = 0; length < message.Length; length++)
            {
                var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(message, 0, length));
                Assert.False(RedirectionFrameReader.TryRead(ref reader, RedirectionFrameTable.Sol, out _));
                Assert.Equal(0, reader.Consumed);
            }
        }
    }

    [Fact]
    public void An_unknown_opcode_is_rejected_at_its_first_byte()
    {
        var error = Record.Exception(() => TryReadOnce([0x99], RedirectionFrameTable.Sol));

        Assert.Equal(ProtocolViolation.UnknownRedirectionMessage, Assert.IsType<AmtProtocolException>(error).Violation);
    }

    [Fact]
    public void Sol_opcodes_are_unknown_before_sol_starts()
    {
        Assert.Throws<AmtProtocolException>(() => TryReadOnce(Exchange[8], RedirectionFrameTable.Session));
    }

    [Fact]
    public void A_declared_length_over_the_limit_is_rejected_before_the_payload_arrives()
    {
        var header = Hex("13 00 00 00 01 FF FF FF 7F");
        var error = Record.Exception(() => TryReadOnce(header, RedirectionFrameTable.Session));

        Assert.Equal(ProtocolViolation.RedirectionMessageTooLarge, Assert.IsType<AmtProtocolException>(error).Violation);
    }

    [Fact]
    public void Other_features_register_their_opcodes_on_a_copy()
    {
        var table = RedirectionFrameTable.Session.Clone().Register(0x4B, FrameLength.Fixed(8)).Register(0x53, FrameLength.HeaderAndPayload(14, 9, 2));
        var bytes = Hex("4B 00 00 00 01 00 00 00 53 00 00 00 00 00 00 00 00 02 00 00 00 00 AA BB");

        var frames = ReadAll(new ReadOnlySequence<byte>(bytes), out _, table);

        Assert.Equal([8, 16], frames.Select(frame => frame.Length));
        Assert.Throws<InvalidOperationException>(() => RedirectionFrameTable.Session.Register(0x4B, FrameLength.Fixed(8)));
    }

    private static bool TryReadOnce(byte[] bytes, RedirectionFrameTable table)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        return RedirectionFrameReader.TryRead(ref reader, table, out _);
    }

    private static List<RedirectionFrame> ReadAll(ReadOnlySequence<byte> sequence, out long consumed, RedirectionFrameTable? table = null)
    {
        var reader = new SequenceReader<byte>(sequence);
        var frames = new List<RedirectionFrame>();
        while (RedirectionFrameReader.TryRead(ref reader, table ?? RedirectionFrameTable.Sol, out var frame))
        {
            frames.Add(frame);
        }

        consumed = reader.Consumed;
        return frames;
    }

    /// <summary>A sequence made of separate segments, as a pipe hands over two reads.</summary>
    private sealed class Segments : ReadOnlySequenceSegment<byte>
    {
        private Segments(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public static ReadOnlySequence<byte> Create(byte[] first, byte[] second)
        {
            var head = new Segments(first, 0);
            var tail = new Segments(second, first.Length);
            head.Next = tail;
            return new ReadOnlySequence<byte>(head, 0, tail, second.Length);
        }
    }
}
