using System.Net;
using System.Net.Sockets;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Tests.Kvm.Support;
using Xunit;

namespace SharpAmt.Redirection.Tests.Kvm.EndToEnd;

/// <summary>A device that keeps the connection open but stops answering is detected, not waited on for ever.</summary>
public sealed class KvmLivenessTests
{
    [Fact]
    public async Task SilentDeviceIsProbedThenReportedUnresponsive()
    {
        var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token;
        using var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(KvmTestAddresses.Next(), 5900));
        listener.Listen(1);
        var received = new MemoryStream();

        // A scripted server: handshake, ServerInit 8×8, one empty update, then it reads everything and answers nothing.
        var server = Task.Run(async () =>
        {
            using var socket = await listener.AcceptAsync(timeout);
            await using var stream = new NetworkStream(socket, ownsSocket: false);
            var handshake = new byte[14];
            await stream.WriteAsync("RFB 004.000\n"u8.ToArray(), timeout);
            await stream.ReadExactlyAsync(handshake.AsMemory(0, 12), timeout);
            await stream.WriteAsync(new byte[] { 1, 1 }, timeout);
            await stream.ReadExactlyAsync(handshake.AsMemory(12, 1), timeout);
            await stream.WriteAsync(new byte[4], timeout);
            await stream.ReadExactlyAsync(handshake.AsMemory(13, 1), timeout);
            lock (received)
            {
                received.Write(handshake);
            }

            await stream.WriteAsync(Convert.FromHexString("00080008" + "10100001001F003F001F0B0500000000" + "00000000"), timeout);
            await stream.WriteAsync(Convert.FromHexString("00000000"), timeout);
            var buffer = new byte[4096];
            int read;
            while ((read = await stream.ReadAsync(buffer, timeout)) > 0)
            {
                lock (received)
                {
                    received.Write(buffer, 0, read);
                }
            }
        }, timeout);

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(listener.LocalEndPoint!, timeout);
        await using var session = await KvmSession.OpenAsync(new NetworkStream(socket, ownsSocket: true), "silent",
            new KvmSessionOptions { LivenessInterval = TimeSpan.FromMilliseconds(300) }, timeout);

        var failure = await Assert.ThrowsAsync<KvmDisconnectedException>(() => session.Completion.WaitAsync(TimeSpan.FromSeconds(10), timeout));
        Assert.Equal(KvmDisconnectReason.Unresponsive, failure.Reason);

        byte[] sent;
        lock (received)
        {
            sent = received.ToArray();
        }

        // The viewer answers AMT's 4.000 banner with 3.8, picks None, asks to share, then sets RGB565, lists 16, 0, −223
        // in MeshCommander's order, and asks for the whole screen non-incrementally.
        Assert.StartsWith(
            Convert.ToHexString("RFB 003.008\n"u8) + "01" + "01" + "00000000" + "10100001001F003F001F0B0500000000" + "02000003" + "00000010" + "00000000" + "FFFFFF21" + "03000000000000080008",
            Convert.ToHexString(sent));

        // The probe: a non-incremental request for one pixel, after the incremental whole-screen one.
        Assert.EndsWith("03010000000000080008" + "03000000000000010001", Convert.ToHexString(sent));
        await session.DisposeAsync();
        await server.WaitAsync(TimeSpan.FromSeconds(10), timeout);
    }
}
