using System.Buffers;
using SharpAmt.Redirection.Kvm.Rfb;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Rfb;

public sealed class MessageTests
{
    public static TheoryData<string, string> Golden => new()
    {
        { "SetPixelFormat RGB332", "00000000" + "08080001000700070003050200000000" },
        { "SetEncodings 16 0 -223", "02000003" + "00000010" + "00000000" + "FFFFFF21" },
        { "FramebufferUpdateRequest", "03010000000007800438" },
        { "KeyEvent Ctrl down", "040100000000FFE3" },
        { "PointerEvent", "050100100020" },
        { "ClientCutText KvmExtCmd zlib on", "060000000000000D" + "004B766D457874436D64000401" },
    };

    [Theory]
    [MemberData(nameof(Golden))]
    public void ClientMessagesHaveExactBytesAndParseBack(string name, string hex)
    {
        var message = name switch
        {
            "SetPixelFormat RGB332" => (RfbClientMessage)new RfbSetPixelFormat(RfbPixelFormat.Rgb332),
            "SetEncodings 16 0 -223" => new RfbSetEncodings([16, 0, -223]),
            "FramebufferUpdateRequest" => new RfbUpdateRequest(true, new RfbRectangle(0, 0, 1920, 1080)),
            "KeyEvent Ctrl down" => new RfbKeyEvent(true, 0xFFE3),
            "PointerEvent" => new RfbPointerEvent(RfbPointerButtons.Left, 16, 32),
            _ => new RfbClientCutText(new KvmExtCommand(KvmExtCommandCode.SetZlib, 1).ToCutText()),
        };
        var bytes = Convert.FromHexString(hex);
        Assert.Equal(bytes, message.ToArray());

        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        Assert.True(RfbClientMessageReader.TryRead(ref reader, 1024, out var parsed));
        Assert.Equal(0, reader.Remaining);
        Assert.Equal(bytes, parsed!.ToArray());
    }

    [Theory]
    [MemberData(nameof(Golden))]
    public void EveryStrictPrefixNeedsMoreAndConsumesNothing(string name, string hex)
    {
        _ = name;
        var bytes = Convert.FromHexString(hex);
        for (var length = 0; length < bytes.Length; length++)
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, length));
            Assert.False(RfbClientMessageReader.TryRead(ref reader, 1024, out _));
            Assert.Equal(0, reader.Consumed);
        }
    }

    [Fact]
    public void OversizedCutTextAndUnknownTypesAreRejected()
    {
        var cut = Convert.FromHexString("0600000000100000");
        var exception = Assert.Throws<RfbProtocolException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(cut));
            RfbClientMessageReader.TryRead(ref reader, 1024, out _);
        });
        Assert.Equal(RfbRejectReason.MessageTooLarge, exception.Reason);

        exception = Assert.Throws<RfbProtocolException>(() =>
        {
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>([9, 0, 0, 0]));
            RfbClientMessageReader.TryRead(ref reader, 1024, out _);
        });
        Assert.Equal(RfbRejectReason.UnknownMessageType, exception.Reason);
    }

    [Fact]
    public void KvmExtCmdIsRecognisedOnlyInItsExactForm()
    {
        Assert.True(KvmExtCommand.TryParse(Convert.FromHexString("004B766D457874436D64000301"), out var command));
        Assert.Equal(new KvmExtCommand(KvmExtCommandCode.CompressionState, 1), command);
        Assert.False(KvmExtCommand.TryParse("hello clipboard"u8, out _));
        Assert.False(KvmExtCommand.TryParse(Convert.FromHexString("004B766D457874436D6400030100"), out _));
    }

    [Fact]
    public void ServerReaderWaitsForWholeRectangles()
    {
        var bytes = Convert.FromHexString("00000001" + "0000000000020001" + "00000000" + "00F81F00");
        for (var length = 4; length < bytes.Length; length++)
        {
            var reader = new RfbServerMessageReader(RfbPixelFormat.Rgb565);
            var sequence = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes, 0, length));
            Assert.True(reader.TryRead(ref sequence, out var start));
            Assert.Equal(1, start.RectangleCount);
            Assert.False(reader.TryRead(ref sequence, out _));
            Assert.Equal(4, sequence.Consumed);
        }
    }

    [Fact]
    public void ServerReaderRejectsUnaskedEncodingsAndHugeRectangles()
    {
        var unknown = Convert.FromHexString("00000001" + "0000000000020001" + "00000005");
        var reader = new RfbServerMessageReader(RfbPixelFormat.Rgb565);
        var exception = Assert.Throws<RfbProtocolException>(() =>
        {
            var sequence = new SequenceReader<byte>(new ReadOnlySequence<byte>(unknown));
            reader.TryRead(ref sequence, out _);
            reader.TryRead(ref sequence, out _);
        });
        Assert.Equal(RfbRejectReason.UnsupportedEncoding, exception.Reason);

        var huge = Convert.FromHexString("00000001" + "0000000000100010" + "00000010" + "7FFFFFFF");
        reader = new RfbServerMessageReader(RfbPixelFormat.Rgb565);
        exception = Assert.Throws<RfbProtocolException>(() =>
        {
            var sequence = new SequenceReader<byte>(new ReadOnlySequence<byte>(huge));
            reader.TryRead(ref sequence, out _);
            reader.TryRead(ref sequence, out _);
        });
        Assert.Equal(RfbRejectReason.MessageTooLarge, exception.Reason);
    }
}
