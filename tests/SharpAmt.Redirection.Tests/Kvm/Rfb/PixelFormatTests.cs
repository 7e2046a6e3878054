using SharpAmt.Redirection.Kvm.Rfb;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Rfb;

public sealed class PixelFormatTests
{
    public static TheoryData<string> Presets => new(FormatNames.All.Keys);

    [Fact]
    public void Rgb565IsAmtDefaultWireForm()
    {
        var bytes = new byte[16];
        RfbPixelFormat.Rgb565.Write(bytes);
        Assert.Equal(Convert.FromHexString("10100001001F003F001F0B0500000000"), bytes);
    }

    [Fact]
    public void Rgb332AndGrayWireForms()
    {
        var bytes = new byte[16];
        RfbPixelFormat.Rgb332.Write(bytes);
        Assert.Equal(Convert.FromHexString("08080001000700070003050200000000"), bytes);
        RfbPixelFormat.Gray8.Write(bytes);
        Assert.Equal(Convert.FromHexString("0808000100FF00000000000000000000"), bytes);
        RfbPixelFormat.Gray4.Write(bytes);
        Assert.Equal(Convert.FromHexString("08040001000F00000000000000000000"), bytes);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void WireFormRoundTrips(string name)
    {
        var format = FormatNames.All[name];
        var bytes = new byte[16];
        format.Write(bytes);
        Assert.Equal(format, RfbPixelFormat.Read(bytes));
        Assert.True(format.IsSupported);
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void QuantizingIsStableAndTablesAgreeWithFormulas(string name)
    {
        var format = FormatNames.All[name];
        var converter = new RfbPixelConverter(format);
        for (uint rgb = 0; rgb < 0x1000000; rgb += 0x010305)
        {
            var once = format.Quantize(rgb);
            Assert.Equal(once, format.Quantize(once));
            Assert.Equal(format.Pack(rgb), converter.Pack(rgb));
            Assert.Equal(format.Unpack(format.Pack(rgb)), converter.Unpack(converter.Pack(rgb)));
        }
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void BlackAndWhiteSurvive(string name)
    {
        var format = FormatNames.All[name];
        Assert.Equal(0u, format.Quantize(0));
        Assert.Equal(0xFFFFFFu, format.Quantize(0xFFFFFF));
    }

    [Fact]
    public void Rgb565PixelsAreLittleEndianOnTheWire()
    {
        var bytes = new byte[2];
        var format = RfbPixelFormat.Rgb565;
        format.WritePixel(bytes, format.Pack(0xFF0000));
        Assert.Equal(new byte[] { 0x00, 0xF8 }, bytes);
        RfbPixelFormat.Rgb565BigEndian.WritePixel(bytes, format.Pack(0xFF0000));
        Assert.Equal(new byte[] { 0xF8, 0x00 }, bytes);
    }

    [Fact]
    public void GrayKeepsOnlyLuma()
    {
        Assert.Equal(0x4D4D4Du, RfbPixelFormat.Gray8.Quantize(0xFF0000));
        var level = RfbPixelFormat.Gray4.Quantize(0x808080) & 0xFF;
        Assert.Equal(level * 0x010101u, RfbPixelFormat.Gray4.Quantize(0x808080));
    }

    [Fact]
    public void ColourMapsAndOddDepthsAreRefused()
    {
        Assert.False((RfbPixelFormat.Rgb565 with { TrueColour = false }).IsSupported);
        Assert.False((RfbPixelFormat.Rgb565 with { BitsPerPixel = 24 }).IsSupported);
        Assert.False((RfbPixelFormat.Rgb332 with { RedShift = 6 }).IsSupported);
    }
}

/// <summary>The presets by name, so theories show readable cases.</summary>
internal static class FormatNames
{
    public static IReadOnlyDictionary<string, RfbPixelFormat> All { get; } = new Dictionary<string, RfbPixelFormat>
    {
        ["rgb565"] = RfbPixelFormat.Rgb565,
        ["rgb565be"] = RfbPixelFormat.Rgb565BigEndian,
        ["rgb555"] = RfbPixelFormat.Rgb555,
        ["rgb332"] = RfbPixelFormat.Rgb332,
        ["gray8"] = RfbPixelFormat.Gray8,
        ["gray4"] = RfbPixelFormat.Gray4,
        ["true32"] = RfbPixelFormat.TrueColour32,
        ["true32be"] = RfbPixelFormat.TrueColour32 with { BigEndian = true },
    };
}
