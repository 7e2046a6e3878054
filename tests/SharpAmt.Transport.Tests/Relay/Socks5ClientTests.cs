using SharpAmt.Transport.Relay;
using Xunit;

namespace SharpAmt.Transport.Tests.Relay;

public sealed class Socks5ClientTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void An_ipv4_address_is_sent_as_four_bytes_and_the_port_big_endian() =>
        Assert.Equal([0x05, 0x01, 0x00, 0x01, 10, 1, 2, 3, 0x42, 0x20], Socks5Client.ConnectRequest("10.1.2.3", 16928));

    [Fact]
    public void An_ipv6_address_is_sent_as_sixteen_bytes() =>
        Assert.Equal(
            [0x05, 0x01, 0x00, 0x04, 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x42, 0x21],
            Socks5Client.ConnectRequest("2001:db8::1", 16929));

    [Fact]
    public void A_name_is_sent_for_the_relay_to_resolve() =>
        Assert.Equal([0x05, 0x01, 0x00, 0x03, 5, (byte)'l', (byte)'a', (byte)'b', (byte)'4', (byte)'2', 0x42, 0x20], Socks5Client.ConnectRequest("lab42", 16928));

    [Fact]
    public void A_name_longer_than_255_characters_cannot_be_sent() =>
        Assert.Throws<ArgumentException>(() => Socks5Client.ConnectRequest(new string('a', 256), 16992));

    [Theory]
    [InlineData(new byte[] { 0x05, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0 }, Socks5Reply.Succeeded)]
    [InlineData(new byte[] { 0x05, 0x05, 0x00, 0x01, 0, 0, 0, 0, 0, 0 }, Socks5Reply.ConnectionRefused)]
    [InlineData(new byte[] { 0x05, 0x04, 0x00, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0 }, Socks5Reply.HostUnreachable)]
    [InlineData(new byte[] { 0x05, 0x00, 0x00, 0x03, 3, (byte)'a', (byte)'b', (byte)'c', 0, 80 }, Socks5Reply.Succeeded)]
    public async Task The_reply_code_is_returned_and_the_bound_address_consumed(byte[] reply, Socks5Reply expected)
    {
        var stream = new ScriptedStream([0x05, 0x00, .. reply, .. "HTTP"u8.ToArray()]);

        var answer = await Socks5Client.ConnectAsync(stream, "10.1.2.3", 16992, Ct);

        Assert.Equal(expected, answer);
        Assert.Equal([0x05, 0x01, 0x00, .. Socks5Client.ConnectRequest("10.1.2.3", 16992)], stream.Written);
        var rest = new byte[4];
        await stream.ReadExactlyAsync(rest, Ct);
        Assert.Equal("HTTP"u8.ToArray(), rest);
    }

    [Fact]
    public async Task A_proxy_closing_before_its_reply_is_the_end_of_the_stream()
    {
        // What ssh -D does when the far side refuses: it drops the SOCKS connection.
        var stream = new ScriptedStream([0x05, 0x00]);

        await Assert.ThrowsAsync<EndOfStreamException>(() => Socks5Client.ConnectAsync(stream, "10.1.2.3", 16992, Ct));
    }

    [Theory]
    [InlineData(new byte[] { 0x04, 0x00 })]
    [InlineData(new byte[] { 0x05, 0x02 })]
    [InlineData(new byte[] { 0x05, 0x00, 0x04, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { 0x05, 0x00, 0x05, 0x00, 0x00, 0x09, 0, 0, 0, 0, 0, 0 })]
    public async Task Anything_but_socks5_is_invalid_data(byte[] answer) =>
        await Assert.ThrowsAsync<InvalidDataException>(() => Socks5Client.ConnectAsync(new ScriptedStream(answer), "10.1.2.3", 16992, Ct));

    /// <summary>Reads come from a fixed script; writes are recorded.</summary>
    private sealed class ScriptedStream(byte[] script) : Stream
    {
        private readonly MemoryStream _reads = new(script);
        private readonly MemoryStream _writes = new();

        public byte[] Written => _writes.ToArray();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => _reads.Read(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _writes.Write(buffer, offset, count);
    }
}
