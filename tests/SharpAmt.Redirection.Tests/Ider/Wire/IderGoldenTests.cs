using System.Buffers;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Ider.Wire.Messages;
using Xunit;
using static SharpAmt.Redirection.Tests.Ider.Support.Segments;

namespace SharpAmt.Redirection.Tests.Ider.Wire;

/// <summary>Exact bytes of the messages the reference shows (§6.5), written and read back.</summary>
public sealed class IderGoldenTests
{
    private static T Read<T>(byte[] bytes) where T : struct, IIderMessage<T>
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        Assert.True(T.TryRead(ref reader, out var message));
        Assert.Equal(bytes.Length, reader.Consumed);
        return message;
    }

    [Fact]
    public void MeshCommander_open_session_is_headed_with_its_timeouts()
    {
        var bytes = Hex("40000000 00000000 3075 0000 204E 01000000");
        Assert.Equal(bytes, IderMessageWriter.ToArray(IderOpenSession.MeshCommanderDefaults(0)));
        var open = Read<IderOpenSession>(bytes);
        Assert.Equal((ushort)30000, open.RxTimeoutMilliseconds);
        Assert.Equal((ushort)20000, open.HeartbeatMilliseconds);
        Assert.False(open.Headerless);
    }

    [Fact]
    public void Amtider_open_session_has_no_header_and_is_still_understood()
    {
        var bytes = Hex("40 6400 1027 8813 01000000 00000000000000");
        var open = Read<IderOpenSession>(bytes);
        Assert.True(open.Headerless);
        Assert.Equal((ushort)100, open.TxTimeoutMilliseconds);
        Assert.Equal((ushort)10000, open.RxTimeoutMilliseconds);
        Assert.Equal((ushort)5000, open.HeartbeatMilliseconds);
        Assert.Equal(1u, open.Version);
        Assert.Equal(bytes, IderMessageWriter.ToArray(open));
    }

    [Fact]
    public void Open_session_reply_carries_buffer_sizes_iana_and_oem_data()
    {
        var reply = new IderOpenSessionReply(0, 0, 1, 0, 16, 1, 8192, 8192, OemData: new byte[] { 0xAB, 0xCD });
        var bytes = IderMessageWriter.ToArray(reply);
        Assert.Equal(Hex("41000000 00000000 01 00 10 01 00000000 0020 0020 00 00 000000 57010000 02 ABCD"), bytes);
        var read = Read<IderOpenSessionReply>(bytes);
        Assert.Equal((ushort)8192, read.ReadBufferSize);
        Assert.Equal(343u, read.Iana);
        Assert.Equal(new byte[] { 0xAB, 0xCD }, read.OemData.ToArray());
    }

    [Fact]
    public void Amtider_enable_now_is_thirteen_bytes()
    {
        var bytes = Hex("48000000 05000000 03 19000000");
        Assert.Equal(bytes, IderMessageWriter.ToArray(IderDisableEnableFeatures.Enable(5, IderStartMode.Now)));
        var read = Read<IderDisableEnableFeatures>(bytes);
        Assert.Equal(IderStartMode.Now, read.StartMode);
    }

    [Fact]
    public void Feature_queries_are_nine_bytes_and_replies_thirteen()
    {
        Assert.Equal(Hex("48000000 02000000 01"), IderMessageWriter.ToArray(new IderDisableEnableFeatures(2, IderFeatureRequest.GetSupported)));
        var reply = Read<IderDisableEnableFeaturesReply>(Hex("49000000 01000000 03 01000000"));
        Assert.True(reply.Succeeded);
        Assert.False(Read<IderDisableEnableFeaturesReply>(Hex("49000000 01000000 03 00000000")).Succeeded);
    }

    [Fact]
    public void Command_written_carries_the_cdb_big_endian_after_the_ata_registers()
    {
        var bytes = Hex("50000000 07000000 00 01 00 00 FEFF B0 A0 28 00 00000010 00 0001 000000");
        var command = Read<IderCommandWritten>(bytes);
        Assert.Equal(7u, command.Sequence);
        Assert.True(command.IsCdrom);
        Assert.True(command.Dma);
        Assert.Equal(0x28, command.Cdb.OperationCode);
        Assert.Equal(16u, command.Cdb.ReadUInt32(2));
        Assert.Equal((ushort)1, command.Cdb.ReadUInt16(7));
        Assert.Equal(bytes, IderMessageWriter.ToArray(command));
        Assert.False(Read<IderCommandWritten>(Hex("50000000 07000000 00 00 00 00 0000 A0 A0 00 0000000000000000000000")).IsCdrom);
    }

    [Fact]
    public void Write_protected_end_response_matches_MeshCommander()
    {
        var bytes = Hex("51000002 09000000 00 0000 00 0000000000000000 87 70 03 00 00 00 A0 51 07 27 00");
        Assert.Equal(bytes, IderMessageWriter.ToArray(IderCommandEndResponse.For(9, AtaRegisters.DriveFloppy, AtapiSense.WriteProtected)));
        var end = Read<IderCommandEndResponse>(bytes);
        Assert.False(end.IsGood);
        Assert.Equal(AtapiSense.WriteProtected, end.Sense);
    }

    [Fact]
    public void Good_end_response_is_amtider_image()
    {
        var bytes = Hex("51000002 01000000 00 0000 00 0000000000000000 85 00 03 00 00 00 B0 50 00 00 00");
        Assert.Equal(bytes, IderMessageWriter.ToArray(IderCommandEndResponse.Good(1, AtaRegisters.DriveCdrom)));
        Assert.True(Read<IderCommandEndResponse>(bytes).IsGood);
    }

    [Fact]
    public void Data_to_host_last_chunk_carries_completed_and_good_status()
    {
        var data = new byte[] { 0, 0, 0x0B, 0x3F, 0, 0, 0x08, 0 };
        var chunk = IderDataToHost.Chunk(3, AtaRegisters.DriveCdrom, dma: false, new ReadOnlySequence<byte>(data), last: true);
        var bytes = IderMessageWriter.ToArray(chunk);
        Assert.Equal(Hex("54000002 03000000 00 0800 00 B5 00 02 00 08 00 B0 58 85 00 03 00 00 00 B0 50 000000 000000").Concat(data), bytes);
        var read = Read<IderDataToHost>(bytes);
        Assert.True(read.IsCompleted);
        Assert.Equal(data, read.Data.ToArray());
    }

    [Fact]
    public void Data_to_host_middle_chunk_in_dma_has_no_output_registers()
    {
        var chunk = IderDataToHost.Chunk(4, AtaRegisters.DriveCdrom, dma: true, new ReadOnlySequence<byte>(new byte[2]), last: false);
        Assert.Equal(Hex("54000001 04000000 00 0200 00 B4 00 02 00 00 00 B0 58 0000000000000000 000000 000000 0000"), IderMessageWriter.ToArray(chunk));
    }

    [Fact]
    public void Get_data_from_host_and_data_from_host_carry_their_lengths()
    {
        Assert.Equal(Hex("52000000 02000000 00 0002 00 B5 00 00 00 00 02 A0 58 0000000000000000000000"),
            IderMessageWriter.ToArray(IderGetDataFromHost.For(2, AtaRegisters.DriveFloppy, 512)));
        var bytes = Hex("53000000 05000000 00 0300 000000 AABBCC");
        var data = Read<IderDataFromHost>(bytes);
        Assert.Equal(Hex("AABBCC"), data.Data.ToArray());
        Assert.Equal(bytes, IderMessageWriter.ToArray(data));
    }

    [Fact]
    public void Reset_error_and_header_only_messages()
    {
        Assert.Equal(0x03, Read<IderResetOccurred>(Hex("46000000 02000000 03")).Mask);
        Assert.Equal(0x11, Read<IderErrorOccurred>(Hex("4A000000 02000000 11 0000")).Error);
        foreach (var type in new[] { 0x42, 0x43, 0x44, 0x45, 0x47, 0x4B })
        {
            var bytes = Hex($"{type:X2}000000 2A000000");
            var message = Read<IderHeaderMessage>(bytes);
            Assert.Equal((IderMessageType)type, message.Type);
            Assert.Equal(42u, message.Sequence);
            Assert.Equal(bytes, IderMessageWriter.ToArray(message));
        }
    }
}
