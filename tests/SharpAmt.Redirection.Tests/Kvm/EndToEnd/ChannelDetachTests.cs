using System.Net;
using System.Net.Sockets;
using SharpAmt.Redirection.Kvm.Wire;
using SharpAmt.Redirection.Tests.Kvm.Support;
using SharpAmt.Redirection.Wire;
using SharpAmt.Redirection.Wire.Messages;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.EndToEnd;

public sealed class ChannelDetachTests
{
    [Fact]
    public async Task BytesThatCameWithTheStartMessageAreReadFirst()
    {
        var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(KvmTestAddresses.Next(), 0));
        listener.Listen(1);
        using var client = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!, timeout);
        using var accepted = await listener.AcceptAsync(timeout);

        // 0x40 and the start of RFB in one segment, then more RFB later.
        await client.SendAsync(Convert.FromHexString("4000000000000000").Concat("RFB 003.008\n"u8.ToArray()).ToArray(), timeout);
        var channel = new RedirectionChannel(new NetworkStream(accepted, ownsSocket: false), "test", KvmFrames.Table);
        var start = await channel.ReadAsync(timeout);
        Assert.Equal(RedirectionMessageType.StartIderRedirection, start?.Type);

        await using var raw = channel.Detach();
        var banner = new byte[12];
        await raw.ReadExactlyAsync(banner, timeout);
        Assert.Equal("RFB 003.008\n"u8.ToArray(), banner);

        await client.SendAsync(new byte[] { 1, 2, 3 }, timeout);
        var more = new byte[3];
        await raw.ReadExactlyAsync(more, timeout);
        Assert.Equal(new byte[] { 1, 2, 3 }, more);

        await raw.WriteAsync(new byte[] { 9 }, timeout);
        var echoed = new byte[1];
        Assert.Equal(1, await client.ReceiveAsync(echoed, timeout));
        Assert.Equal(9, echoed[0]);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await channel.ReadAsync(timeout));
    }

    [Fact]
    public void KvmStartMessagesAreEightBytes()
    {
        Assert.Equal(Convert.FromHexString("4000000000000000"), RedirectionMessage.ToArray(KvmStart.Request));
        Assert.Equal(Convert.FromHexString("4100000000000000"), RedirectionMessage.ToArray(KvmStart.Reply));
    }
}
