using System.Buffers;
using SharpAmt.Redirection.Kvm.Rfb;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.Support;

/// <summary>Encodes a whole picture as one update of 64 × 64 tiles and decodes it again, as server and viewer do.</summary>
internal static class FrameCodec
{
    public static byte[] Encode(RfbRectangleEncoder encoder, uint[] picture, int width, int height)
    {
        var output = new ArrayBufferWriter<byte>();
        var tiles = Tiles(width, height).ToList();
        RfbServerMessageWriter.WriteUpdateHeader(output, tiles.Count);
        foreach (var tile in tiles)
        {
            encoder.Write(output, picture, width, tile);
        }

        return output.WrittenSpan.ToArray();
    }

    public static IEnumerable<RfbRectangle> Tiles(int width, int height)
    {
        for (var y = 0; y < height; y += 64)
        {
            for (var x = 0; x < width; x += 64)
            {
                yield return new RfbRectangle(x, y, Math.Min(64, width - x), Math.Min(64, height - y));
            }
        }
    }

    /// <summary>Decodes updates until the bytes are used up; throws if any byte is left over.</summary>
    public static void Decode(RfbRectangleDecoder decoder, byte[] bytes, RfbFrameBuffer frame)
    {
        var reader = new RfbServerMessageReader(decoder.Format);
        var sequence = new SequenceReader<byte>(new ReadOnlySequence<byte>(bytes));
        while (reader.TryRead(ref sequence, out var item))
        {
            if (item.Kind == RfbServerItemKind.Rectangle)
            {
                if (item.Encoding == RfbEncoding.DesktopSize)
                {
                    frame.Resize(item.Area.Width, item.Area.Height);
                }
                else
                {
                    decoder.Decode(item.Area, item.Encoding, item.Payload, frame);
                }
            }
        }

        Assert.Equal(0, sequence.Remaining);
        Assert.Equal(0, reader.RemainingRectangles);
    }

    public static uint[] Quantized(uint[] picture, RfbPixelFormat format) => picture.Select(format.Quantize).ToArray();

    public static uint[] Picture(int width, int height, int seed = 3)
    {
        var pixels = new uint[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                pixels[(y * width) + x] = TestScreen.Pattern(x, y, seed);
            }
        }

        return pixels;
    }
}
