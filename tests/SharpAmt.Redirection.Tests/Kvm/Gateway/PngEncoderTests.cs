using SharpAmt.Redirection.Kvm.Imaging;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Tests.Kvm;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Gateway;

/// <summary>The screenshot PNG carries the exact pixels, read back by an independent decoder.</summary>
public sealed class PngEncoderTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(37, 5)]
    [InlineData(720, 400)]
    public void Pixels_survive_the_round_trip(int width, int height)
    {
        var random = new Random(width * 31 + height);
        var pixels = new uint[width * height];
        for (var i = 0; i < pixels.Length; i++)
        {
            // Flat runs and noise, as on a screen: both paths of the Sub filter's wrap-around get exercised.
            pixels[i] = i % 7 < 3 ? 0x2A4B6E : (uint)random.Next(0, 0x100_0000);
        }

        var png = PngEncoder.Encode(pixels, new RfbScreenSize(width, height));
        var (readWidth, readHeight, read) = PngReader.Read(png);

        Assert.Equal((width, height), (readWidth, readHeight));
        Assert.Equal(pixels, read);
    }

    [Fact]
    public void An_empty_picture_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PngEncoder.Encode([], new RfbScreenSize(0, 0)));
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(new uint[3], new RfbScreenSize(2, 2)));
    }
}
