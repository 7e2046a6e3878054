using System.Buffers.Binary;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Tests.Kvm.Support;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Rfb;

public sealed class EncodingRoundTripTests
{
    public enum Mode
    {
        Raw,
        RleStored,
        RleCompressed,
    }

    public static TheoryData<string, Mode, int, int> Cases()
    {
        var data = new TheoryData<string, Mode, int, int>();
        foreach (var format in FormatNames.All.Keys)
        {
            foreach (var mode in Enum.GetValues<Mode>())
            {
                foreach (var (width, height) in new[] { (1, 1), (64, 64), (65, 63), (130, 1), (3, 200) })
                {
                    data.Add(format, mode, width, height);
                }
            }
        }

        return data;
    }

    public static TheoryData<Mode, string> LargeCases()
    {
        var data = new TheoryData<Mode, string>();
        foreach (var mode in Enum.GetValues<Mode>())
        {
            data.Add(mode, "rgb565");
            data.Add(mode, "rgb332");
            data.Add(mode, "true32");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DecodedPictureEqualsTheQuantizedSource(string formatName, Mode mode, int width, int height)
    {
        var format = FormatNames.All[formatName];
        AssertRoundTrip(format, mode, FrameCodec.Picture(width, height), width, height);
    }

    [Theory]
    [MemberData(nameof(LargeCases))]
    public void OddFullHdFrameRoundTrips(Mode mode, string formatName)
    {
        AssertRoundTrip(FormatNames.All[formatName], mode, FrameCodec.Picture(1921, 1081), 1921, 1081);
    }

    [Fact]
    public void CompressedStreamCarriesOverManyUpdates()
    {
        using var encoder = new RfbRectangleEncoder(RfbPixelFormat.Rgb565, RfbEncoding.AmtRle) { Compress = true };
        using var decoder = new RfbRectangleDecoder(RfbPixelFormat.Rgb565);
        var frame = new RfbFrameBuffer(200, 150);
        for (var seed = 0; seed < 5; seed++)
        {
            var picture = FrameCodec.Picture(200, 150, seed);
            FrameCodec.Decode(decoder, FrameCodec.Encode(encoder, picture, 200, 150), frame);
            Assert.Equal(FrameCodec.Quantized(picture, RfbPixelFormat.Rgb565), frame.Pixels);
        }
    }

    [Fact]
    public void ZlibCanBeSwitchedOnAndOffMidStream()
    {
        using var encoder = new RfbRectangleEncoder(RfbPixelFormat.Rgb332, RfbEncoding.AmtRle);
        using var decoder = new RfbRectangleDecoder(RfbPixelFormat.Rgb332);
        var frame = new RfbFrameBuffer(100, 70);
        foreach (var (compress, seed) in new[] { (false, 1), (true, 2), (false, 3), (true, 4) })
        {
            encoder.Compress = compress;
            var picture = FrameCodec.Picture(100, 70, seed);
            FrameCodec.Decode(decoder, FrameCodec.Encode(encoder, picture, 100, 70), frame);
            Assert.Equal(FrameCodec.Quantized(picture, RfbPixelFormat.Rgb332), frame.Pixels);
        }
    }

    [Theory]
    [InlineData("true32", 3)]
    [InlineData("true32be", 3)]
    [InlineData("rgb565", 2)]
    [InlineData("rgb332", 1)]
    public void StandardZrleUsesCompactPixelsAndRoundTrips(string formatName, int pixelBytes)
    {
        var format = FormatNames.All[formatName];
        Assert.Equal(pixelBytes, new RfbTilePixels(format, Compact: true).Size);
        using var encoder = new RfbRectangleEncoder(format, RfbEncoding.AmtRle, RfbTileDialect.Zrle);
        using var decoder = new RfbRectangleDecoder(format, RfbTileDialect.Zrle);
        var frame = new RfbFrameBuffer(131, 70);
        for (var seed = 0; seed < 3; seed++)
        {
            var picture = FrameCodec.Picture(131, 70, seed);
            var bytes = FrameCodec.Encode(encoder, picture, 131, 70);
            if (seed == 0)
            {
                Assert.Equal(0x78, bytes[20]);
            }

            FrameCodec.Decode(decoder, bytes, frame);
            Assert.Equal(FrameCodec.Quantized(picture, format), frame.Pixels);
        }
    }

    [Fact]
    public void CompactPixelIsTheThreeColourBytes()
    {
        var pixels = new RfbTilePixels(RfbPixelFormat.TrueColour32, Compact: true);
        var bytes = new byte[3];
        pixels.Write(bytes, 0x123456);
        Assert.Equal(new byte[] { 0x56, 0x34, 0x12 }, bytes);
        Assert.Equal(0x123456u, pixels.Read(bytes));
    }

    [Fact]
    public void StoredRectangleIsAmtsStoredBlock()
    {
        using var encoder = new RfbRectangleEncoder(RfbPixelFormat.Rgb565, RfbEncoding.AmtRle);
        var bytes = FrameCodec.Encode(encoder, [0x00FF00, 0x00FF00, 0x00FF00, 0x00FF00], 2, 2);

        // Update header, rectangle header (0,0 2×2, encoding 16), L = 8, stored block of 3 bytes: solid green 0x07E0 LE.
        Assert.Equal(Convert.FromHexString("00000001" + "0000000000020002" + "00000010" + "00000008" + "000300FCFF" + "01E007"), bytes);
    }

    [Fact]
    public void CompressedRectangleIsNotMistakenForAStoredBlock()
    {
        using var encoder = new RfbRectangleEncoder(RfbPixelFormat.Rgb565, RfbEncoding.AmtRle) { Compress = true };
        var bytes = FrameCodec.Encode(encoder, FrameCodec.Picture(64, 64), 64, 64);
        var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
        Assert.Equal(bytes.Length - 20, length);
        Assert.False(bytes[20] == 0 && BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(21)) == length - 5);
    }

    [Fact]
    public void RawRectangleIsPixelsInFormatOrder()
    {
        using var encoder = new RfbRectangleEncoder(RfbPixelFormat.Rgb565);
        var bytes = FrameCodec.Encode(encoder, [0xFF0000, 0x0000FF], 2, 1);
        Assert.Equal(Convert.FromHexString("00000001" + "0000000000020001" + "00000000" + "00F8" + "1F00"), bytes);
    }

    [Fact]
    public void DesktopSizeRectangleHasNoPayload()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        RfbServerMessageWriter.WriteDesktopSize(output, 1024, 768);
        Assert.Equal(Convert.FromHexString("0000000004000300FFFFFF21"), output.WrittenSpan.ToArray());
    }

    private static void AssertRoundTrip(RfbPixelFormat format, Mode mode, uint[] picture, int width, int height)
    {
        using var encoder = new RfbRectangleEncoder(format, mode == Mode.Raw ? RfbEncoding.Raw : RfbEncoding.AmtRle) { Compress = mode == Mode.RleCompressed };
        using var decoder = new RfbRectangleDecoder(format);
        var frame = new RfbFrameBuffer(width, height);
        FrameCodec.Decode(decoder, FrameCodec.Encode(encoder, picture, width, height), frame);
        Assert.Equal(FrameCodec.Quantized(picture, format), frame.Pixels);
    }
}
