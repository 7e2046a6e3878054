using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Tests.Kvm.Support;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Rfb;

public sealed class TileSubencodingTests
{
    public static TheoryData<AmtRleTileKind, string, int, int> Forced()
    {
        var data = new TheoryData<AmtRleTileKind, string, int, int>();
        foreach (var format in new[] { "rgb565", "rgb332", "gray4", "true32" })
        {
            foreach (var kind in new[] { AmtRleTileKind.Raw, AmtRleTileKind.PlainRle, AmtRleTileKind.PaletteRle, AmtRleTileKind.PackedPalette })
            {
                data.Add(kind, format, 64, 64);
                data.Add(kind, format, 16, 5);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Forced))]
    public void ForcedSubencodingIsUsedAndDecodes(AmtRleTileKind kind, string formatName, int width, int height)
    {
        var format = FormatNames.All[formatName];

        // Few colours, so every sub-encoding is possible: vertical stripes of 3 colours and a long run.
        var picture = new uint[width * height];
        for (var i = 0; i < picture.Length; i++)
        {
            picture[i] = i < width ? 0xFFFFFF : (i % width / 3 % 3) switch { 0 => 0x000000u, 1 => 0xFF0000u, _ => 0x0000FFu };
        }

        var (sub, decoded) = RoundTrip(format, kind, picture, width, height);
        var expected = kind switch
        {
            AmtRleTileKind.Raw => 0,
            AmtRleTileKind.PlainRle => 128,
            AmtRleTileKind.PaletteRle => 128 + Distinct(picture, format),
            _ => Distinct(picture, format),
        };
        Assert.Equal(expected, sub);
        Assert.Equal(FrameCodec.Quantized(picture, format), decoded);
    }

    [Fact]
    public void OneColourIsSolid()
    {
        var picture = Enumerable.Repeat(0x123456u, 64 * 64).ToArray();
        var (sub, decoded) = RoundTrip(RfbPixelFormat.Rgb565, AmtRleTileKind.Auto, picture, 64, 64);
        Assert.Equal(1, sub);
        Assert.Equal(FrameCodec.Quantized(picture, RfbPixelFormat.Rgb565), decoded);
    }

    [Fact]
    public void TwoColoursOnEightPixelRowsArePackedOneBitEach()
    {
        var picture = Enumerable.Range(0, 64 * 64).Select(i => (i + (i / 64)) % 2 == 0 ? 0u : 0xFFFFFFu).ToArray();
        var (sub, decoded) = RoundTrip(RfbPixelFormat.Rgb565, AmtRleTileKind.Auto, picture, 64, 64, out var size);
        Assert.Equal(2, sub);
        Assert.Equal(1 + (2 * 2) + (64 * 64 / 8), size);
        Assert.Equal(FrameCodec.Quantized(picture, RfbPixelFormat.Rgb565), decoded);
    }

    [Fact]
    public void PackedPaletteIsAvoidedWhenRowsDoNotEndOnAByte()
    {
        // MeshCommander unpacks without row padding; 5 pixels × 1 bit would need it (reference §6.6.4).
        var picture = Enumerable.Range(0, 5 * 4).Select(i => i % 2 == 0 ? 0u : 0xFFFFFFu).ToArray();
        var (sub, decoded) = RoundTrip(RfbPixelFormat.Rgb565, AmtRleTileKind.PackedPalette, picture, 5, 4);
        Assert.NotInRange(sub, 2, 16);
        Assert.Equal(FrameCodec.Quantized(picture, RfbPixelFormat.Rgb565), decoded);
    }

    [Fact]
    public void StandardZrlePackedRowsArePaddedToAByte()
    {
        // A hand-made ZRLE tile, 3 × 2, two colours, 1 bit each: rows 101 and 010, each padded to its own byte.
        byte[] tile = [2, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0b1010_0000, 0b0100_0000];
        var decoded = new uint[6];
        var used = AmtRleTileDecoder.Decode(tile, new RfbRectangle(0, 0, 3, 2), new RfbPixelConverter(RfbPixelFormat.TrueColour32), compactPixels: true, decoded, 3);
        Assert.Equal(tile.Length, used);
        Assert.Equal(new uint[] { 0xFFFFFF, 0, 0xFFFFFF, 0, 0xFFFFFF, 0 }, decoded);
    }

    [Fact]
    public void NoisyTileFallsBackToRaw()
    {
        var random = new Random(7);
        var picture = Enumerable.Range(0, 64 * 64).Select(_ => (uint)random.Next(0x1000000)).ToArray();
        var (sub, decoded) = RoundTrip(RfbPixelFormat.TrueColour32, AmtRleTileKind.Auto, picture, 64, 64);
        Assert.Equal(0, sub);
        Assert.Equal(picture, decoded);
    }

    [Fact]
    public void LongRunsUseContinuationBytes()
    {
        // 4095 pixels of one colour, then one other: the first run takes 16 bytes of 255 and a last length byte.
        var picture = Enumerable.Repeat(0xFFFFFFu, 64 * 64).ToArray();
        picture[^1] = 0;
        var (sub, decoded) = RoundTrip(RfbPixelFormat.Rgb332, AmtRleTileKind.PlainRle, picture, 64, 64, out var size);
        Assert.Equal(128, sub);
        Assert.Equal(1 + (1 + 17) + (1 + 1), size);
        Assert.Equal(FrameCodec.Quantized(picture, RfbPixelFormat.Rgb332), decoded);
    }

    [Fact]
    public void DecoderRejectsRunsPastTheTileAndUnknownSubencodings()
    {
        var converter = new RfbPixelConverter(RfbPixelFormat.Rgb332);
        var frame = new uint[4];
        Assert.Throws<RfbProtocolException>(() => AmtRleTileDecoder.Decode([128, 0xFF, 10], new RfbRectangle(0, 0, 2, 2), converter, frame, 2));
        Assert.Throws<RfbProtocolException>(() => AmtRleTileDecoder.Decode([17], new RfbRectangle(0, 0, 2, 2), converter, frame, 2));
        Assert.Throws<RfbProtocolException>(() => AmtRleTileDecoder.Decode([0, 1, 2], new RfbRectangle(0, 0, 2, 2), converter, frame, 2));
        Assert.Throws<RfbProtocolException>(() => AmtRleTileDecoder.Decode([130, 1, 2, 5], new RfbRectangle(0, 0, 2, 2), converter, frame, 2));
    }

    private static int Distinct(uint[] picture, RfbPixelFormat format) => picture.Select(format.Pack).Distinct().Count();

    private static (int Sub, uint[] Decoded) RoundTrip(RfbPixelFormat format, AmtRleTileKind kind, uint[] picture, int width, int height) =>
        RoundTrip(format, kind, picture, width, height, out _);

    private static (int Sub, uint[] Decoded) RoundTrip(RfbPixelFormat format, AmtRleTileKind kind, uint[] picture, int width, int height, out int size)
    {
        var encoder = new AmtRleTileEncoder { Force = kind };
        var packed = picture.Select(format.Pack).ToArray();
        var bytes = new byte[AmtRleTileEncoder.MaxEncodedSize(width, height, format.BytesPerPixel)];
        size = encoder.Encode(packed, width, height, format, bytes);
        var decoded = new uint[width * height];
        var used = AmtRleTileDecoder.Decode(bytes.AsSpan(0, size), new RfbRectangle(0, 0, width, height), new RfbPixelConverter(format), decoded, width);
        Assert.Equal(size, used);
        return (bytes[0], decoded);
    }
}
