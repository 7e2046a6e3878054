using System.Buffers.Binary;
using System.Net.Sockets;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Kvm.Server;
using SharpAmt.Redirection.Tests.Kvm.Support;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.EndToEnd;

/// <summary>
/// The AMT flavours send their own encoding 16 only for pixels AMT offers (1 or 2 bytes): a standard viewer on port
/// 5900 asks for 32-bit pixels and would read 16 as ZRLE, so it gets RAW, whichever order its messages come in.
/// </summary>
public sealed class AmtEncoding16ChoiceTests
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token;

    public static TheoryData<string, bool, int> Cases => new()
    {
        { nameof(RfbPixelFormat.Rgb565), false, 16 },
        { nameof(RfbPixelFormat.Rgb332), false, 16 },
        { nameof(RfbPixelFormat.TrueColour32), false, 0 },
        { nameof(RfbPixelFormat.TrueColour32), true, 0 },
        { nameof(RfbPixelFormat.Rgb565), true, 16 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Encoding16GoesOnlyToPixelsAmtOffers(string formatName, bool encodingsFirst, int expectedEncoding)
    {
        var format = (RfbPixelFormat)typeof(RfbPixelFormat).GetProperty(formatName)!.GetValue(null)!;
        await using var listener = new RfbListener(new TestScreen(64, 64), RfbServerOptions.AmtKvm());
        await using var stream = await listener.ConnectAsync();
        await HandshakeAsync(stream);

        byte[][] setup = [new RfbSetPixelFormat(format).ToArray(), new RfbSetEncodings([16, 0, -223]).ToArray()];
        foreach (var message in encodingsFirst ? setup.Reverse() : setup)
        {
            await stream.WriteAsync(message, Timeout);
        }

        await stream.WriteAsync(new RfbUpdateRequest(false, new RfbRectangle(0, 0, 64, 64)).ToArray(), Timeout);
        var head = await ReadAsync(stream, 4 + 12);
        Assert.Equal(Convert.FromHexString("00000001" + "0000000000400040"), head[..12]);
        Assert.Equal(expectedEncoding, BinaryPrimitives.ReadInt32BigEndian(head.AsSpan(12)));
    }

    private static async Task HandshakeAsync(NetworkStream stream)
    {
        await ReadAsync(stream, 12);
        await stream.WriteAsync("RFB 003.008\n"u8.ToArray(), Timeout);
        await ReadAsync(stream, 2);
        await stream.WriteAsync(new byte[] { 1 }, Timeout);
        await ReadAsync(stream, 4);
        await stream.WriteAsync(new byte[] { 1 }, Timeout);
        var init = await ReadAsync(stream, 24);
        await ReadAsync(stream, BinaryPrimitives.ReadInt32BigEndian(init.AsSpan(20)));
    }

    private static async Task<byte[]> ReadAsync(NetworkStream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, Timeout);
        return buffer;
    }
}
