using System.Buffers;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Ider.Wire.Messages;
using Xunit;
using static SharpAmt.Redirection.Tests.Ider.Support.Segments;

namespace SharpAmt.Redirection.Tests.Ider.Wire;

/// <summary>
/// The length table and the readers on split input: every strict prefix of every message is "need more" and
/// consumes nothing, and the message decodes the same whatever segment boundary falls inside it.
/// </summary>
public sealed class IderFramingTests
{
    private static readonly byte[] Payload = [1, 2, 3, 4, 5];

    public static TheoryData<string, byte[]> Messages() => new()
    {
        { "0x40 headed", IderMessageWriter.ToArray(IderOpenSession.MeshCommanderDefaults(0)) },
        { "0x40 amtider", Hex("40 6400 1027 8813 01000000 00000000000000") },
        { "0x41 with OEM", IderMessageWriter.ToArray(new IderOpenSessionReply(0, 0, 1, 0, 16, 1, 8192, 8192, OemData: new byte[] { 9, 8, 7 })) },
        { "0x42", IderMessageWriter.ToArray(new IderHeaderMessage(IderMessageType.END_IDER_REDIRECTION, 1)) },
        { "0x43", IderMessageWriter.ToArray(new IderHeaderMessage(IderMessageType.END_IDER_REDIRECTION_REPLY, 1)) },
        { "0x44", IderMessageWriter.ToArray(new IderHeaderMessage(IderMessageType.IDER_KEEP_ALIVE_PING, 1)) },
        { "0x45", IderMessageWriter.ToArray(new IderHeaderMessage(IderMessageType.IDER_KEEP_ALIVE_PONG, 1)) },
        { "0x46", IderMessageWriter.ToArray(new IderResetOccurred(3, 1)) },
        { "0x47", IderMessageWriter.ToArray(new IderHeaderMessage(IderMessageType.IDER_RESET_OCCURED_RESPONSE, 4)) },
        { "0x48 set", IderMessageWriter.ToArray(IderDisableEnableFeatures.Enable(5, IderStartMode.OnReboot)) },
        { "0x48 query", IderMessageWriter.ToArray(new IderDisableEnableFeatures(5, IderFeatureRequest.GetRegisterState)) },
        { "0x49", IderMessageWriter.ToArray(new IderDisableEnableFeaturesReply(1, IderFeatureRequest.SetRegisterState, 1)) },
        { "0x4A", IderMessageWriter.ToArray(new IderErrorOccurred(2, 0x11)) },
        { "0x4B", IderMessageWriter.ToArray(new IderHeaderMessage(IderMessageType.IDER_HEARTBEAT, 6)) },
        { "0x50", IderMessageWriter.ToArray(new IderCommandWritten(7, AtapiCdb.Create(0x28, 0, 0, 0, 0, 16, 0, 0, 1))) },
        { "0x51", IderMessageWriter.ToArray(IderCommandEndResponse.For(8, AtaRegisters.DriveCdrom, AtapiSense.LbaOutOfRange)) },
        { "0x52", IderMessageWriter.ToArray(IderGetDataFromHost.For(9, AtaRegisters.DriveFloppy, 512)) },
        { "0x53", IderMessageWriter.ToArray(new IderDataFromHost(10, new ReadOnlySequence<byte>(Payload))) },
        { "0x54", IderMessageWriter.ToArray(IderDataToHost.Chunk(11, AtaRegisters.DriveCdrom, false, new ReadOnlySequence<byte>(Payload), true)) },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Length_is_known_from_the_table_and_no_prefix_is_whole(string name, byte[] message)
    {
        Assert.True(IderFrames.TryGetLength(new ReadOnlySequence<byte>(message), out var length), name);
        Assert.Equal(message.Length, length);
        for (var prefix = 0; prefix < message.Length; prefix++)
        {
            var bytes = message[..prefix];
            var known = IderFrames.TryGetLength(new ReadOnlySequence<byte>(bytes), out var partial);
            Assert.True(!known || partial == message.Length, $"{name}: prefix {prefix}");
            Assert.False(TryDecode(bytes, out var consumed, out _), $"{name}: prefix {prefix} decoded");
            Assert.Equal(0, consumed);
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Decodes_the_same_at_every_split_point(string name, byte[] message)
    {
        Assert.True(TryDecode(message, out _, out var whole), name);
        for (var cut = 1; cut < message.Length; cut++)
        {
            var split = Split(message, cut, cut + 3);
            Assert.True(TryDecode(split, out var consumed, out var decoded), $"{name}: cut {cut}");
            Assert.Equal(message.Length, consumed);
            Assert.Equal(whole, decoded);
        }
    }

    [Theory]
    [MemberData(nameof(Messages))]
    public void Any_mutated_byte_gives_a_value_need_more_or_a_typed_rejection(string name, byte[] message)
    {
        byte[] values = [0x00, 0x01, 0x03, 0x41, 0x48, 0x54, 0x7F, 0xFF];
        for (var index = 0; index < message.Length; index++)
        {
            foreach (var value in values)
            {
                var mutated = (byte[])message.Clone();
                mutated[index] = value;
                try
                {
                    TryDecode(mutated, out _, out _);
                }
                catch (IderProtocolException)
                {
                    // A typed rejection is an acceptable outcome.
                }
                catch (Exception e)
                {
                    Assert.Fail($"{name}: byte {index} = 0x{value:X2} threw {e.GetType().Name}: {e.Message}");
                }
            }
        }
    }

    [Fact]
    public void Two_messages_back_to_back_are_cut_apart()
    {
        var first = IderMessageWriter.ToArray(new IderResetOccurred(1, 3));
        var second = IderMessageWriter.ToArray(new IderCommandWritten(2, AtapiCdb.Create(0x00)));
        var stream = Split([.. first, .. second], 5, 12);
        var reader = new SequenceReader<byte>(stream);
        Assert.True(IderResetOccurred.TryRead(ref reader, out var reset));
        Assert.True(IderCommandWritten.TryRead(ref reader, out var command));
        Assert.Equal(1u, reset.Sequence);
        Assert.Equal(2u, command.Sequence);
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x10)]
    [InlineData(0x3F)]
    [InlineData(0x4C)]
    [InlineData(0x55)]
    [InlineData(0xFF)]
    public void Unknown_opcodes_are_refused_before_buffering(byte opcode)
    {
        var error = Assert.Throws<IderProtocolException>(() => IderFrames.TryGetLength(new ReadOnlySequence<byte>([opcode]), out _));
        Assert.Equal(IderRejectReason.UnknownOpcode, error.Reason);
        Assert.Equal(opcode, error.Opcode);
    }

    [Fact]
    public void A_reader_handed_another_message_says_so()
    {
        var bytes = IderMessageWriter.ToArray(new IderResetOccurred(1, 3));
        var error = Assert.Throws<IderProtocolException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
            IderCommandWritten.TryRead(ref reader, out _);
        });
        Assert.Equal(IderRejectReason.UnexpectedOpcode, error.Reason);
    }

    [Fact]
    public void Data_longer_than_the_receiver_accepts_is_refused()
    {
        var header = Hex("54000002 01000000 00 0120 00");
        var error = Assert.Throws<IderProtocolException>(() => IderFrames.TryGetLength(new ReadOnlySequence<byte>(header), 8192, out _));
        Assert.Equal(IderRejectReason.DataTooLong, error.Reason);
        Assert.True(IderFrames.TryGetLength(new ReadOnlySequence<byte>(header), out var length));
        Assert.Equal(34 + 0x2001, length);
    }

    private static bool TryDecode(byte[] bytes, out long consumed, out string decoded) =>
        TryDecode(new ReadOnlySequence<byte>(bytes), out consumed, out decoded);

    /// <summary>Decodes with the reader of the message's own type; the decoded value is rendered to compare.</summary>
    private static bool TryDecode(ReadOnlySequence<byte> bytes, out long consumed, out string decoded)
    {
        decoded = "";
        consumed = 0;
        if (bytes.IsEmpty)
        {
            return false;
        }

        var reader = new SequenceReader<byte>(bytes);
        var ok = bytes.FirstSpan[0] switch
        {
            0x40 => Decode<IderOpenSession>(ref reader, out decoded),
            0x41 => Decode<IderOpenSessionReply>(ref reader, out decoded),
            0x46 => Decode<IderResetOccurred>(ref reader, out decoded),
            0x48 => Decode<IderDisableEnableFeatures>(ref reader, out decoded),
            0x49 => Decode<IderDisableEnableFeaturesReply>(ref reader, out decoded),
            0x4A => Decode<IderErrorOccurred>(ref reader, out decoded),
            0x50 => Decode<IderCommandWritten>(ref reader, out decoded),
            0x51 => Decode<IderCommandEndResponse>(ref reader, out decoded),
            0x52 => Decode<IderGetDataFromHost>(ref reader, out decoded),
            0x53 => Decode<IderDataFromHost>(ref reader, out decoded),
            0x54 => Decode<IderDataToHost>(ref reader, out decoded),
            _ => Decode<IderHeaderMessage>(ref reader, out decoded),
        };
        consumed = reader.Consumed;
        return ok;
    }

    private static bool Decode<T>(ref SequenceReader<byte> reader, out string decoded) where T : struct, IIderMessage<T>
    {
        decoded = "";
        if (!T.TryRead(ref reader, out var message))
        {
            return false;
        }

        // Data and OEM bytes are compared by content, not by the buffer they point into.
        decoded = Convert.ToHexString(IderMessageWriter.ToArray(message));
        return true;
    }
}
