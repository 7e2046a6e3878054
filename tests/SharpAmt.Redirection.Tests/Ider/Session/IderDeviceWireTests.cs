using SharpAmt.Redirection.Ider.Device;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Tests.Ider.Support;
using SharpAmt.Redirection.Wire;
using Xunit;

namespace SharpAmt.Redirection.Tests.Ider.Session;

/// <summary>
/// The device side of IDE-R byte by byte (reference §6.5.1, §6.5.2): a logged-in connection sends raw client
/// messages and checks the exact replies, their numbering and the commands the host writes.
/// </summary>
public sealed class IderDeviceWireTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string MeshCommanderOpen = "400000000000000030750000204E01000000";
    private const string AmtiderOpen = "40640010278813010000000000000000000000";

    [Fact]
    public async Task The_open_reply_is_exactly_as_the_reference_lays_it_out_and_numbered_0()
    {
        await using var device = new IderLoopbackDevice();
        await using var session = await LoginAsync(device);

        var reply = await ExchangeAsync(session, MeshCommanderOpen);

        // 41, status 0, attributes 0, seq 0, protocol 1.0, firmware 12.0, read and write buffers 8192, features 0, IANA 343, no OEM data.
        Assert.Equal("410000000000000001000C000000000000200020000000000057010000" + "00", reply);
    }

    [Fact]
    public async Task Amtiders_headerless_open_is_accepted()
    {
        await using var device = new IderLoopbackDevice();
        await using var session = await LoginAsync(device);

        var reply = await ExchangeAsync(session, AmtiderOpen[..36]);

        Assert.StartsWith("41000000", reply, StringComparison.Ordinal);
        Assert.True(device.Port.IsAttached);
    }

    [Fact]
    public async Task Enable_and_queries_are_answered_per_the_reference_with_consecutive_numbers()
    {
        await using var device = new IderLoopbackDevice();
        await using var session = await LoginAsync(device);
        await ExchangeAsync(session, MeshCommanderOpen);

        // Client numbers are never checked: amtider's 0x48 carries seq 5.
        var set = await ExchangeAsync(session, "48000000050000000319000000");
        var supported = await ExchangeAsync(session, "480000000900000001");
        var state = await ExchangeAsync(session, "480000000000000002");
        var pong = await ExchangeAsync(session, "4400000007000000");

        Assert.Equal("49000000" + "01000000" + "03" + "01000000", set);
        Assert.Equal("49000000" + "02000000" + "01" + "01000000", supported);
        Assert.Equal("49000000" + "03000000" + "02" + "02000000", state);
        Assert.Equal("45000000" + "04000000", pong);
        Assert.True(device.Port.IsEnabled);
        Assert.Equal(IderStartMode.Now, device.Port.StartMode);
    }

    [Fact]
    public async Task Enabling_for_the_next_boot_keeps_the_start_mode_and_disabling_clears_it()
    {
        await using var device = new IderLoopbackDevice();
        await using var session = await LoginAsync(device);
        await ExchangeAsync(session, MeshCommanderOpen);

        await ExchangeAsync(session, "48000000010000000309000000");
        Assert.Equal(IderStartMode.OnReboot, device.Port.StartMode);
        var disable = await ExchangeAsync(session, "48000000020000000300000000");

        Assert.Equal("49000000" + "02000000" + "03" + "01000000", disable);
        Assert.False(device.Port.IsEnabled);
    }

    [Fact]
    public async Task A_host_command_goes_out_as_a_0x50_with_the_next_number_and_the_drive_register()
    {
        await using var device = new IderLoopbackDevice();
        await using var session = await LoginAsync(device);
        await ExchangeAsync(session, MeshCommanderOpen);
        await ExchangeAsync(session, "48000000010000000319000000");

        var floppy = device.Port.SendAsync(IderHostDrive.Floppy, AtapiCdb.Create(0x25), new byte[8], Token).AsTask();
        var command = await ReadHexAsync(session);
        await session.Channel.SendEncodedAsync(Convert.FromHexString("5100000209000000" + "00000000" + "0000000000000000" + "8500030000" + "00A050" + "000000"),
            (RedirectionMessageType)0x51, Token);
        var reply = await floppy.WaitAsync(TimeSpan.FromSeconds(5), Token);

        // 50, seq 2, cable 0, feature 0, sector count/number 0, byte count FFFE, drive A0, PACKET A0, then the CDB.
        Assert.Equal("50000000" + "02000000" + "00000000" + "FEFF" + "A0A0" + "250000000000000000000000", command);
        Assert.True(reply.IsGood);
        Assert.Equal(0, reply.Length);
    }

    [Theory]
    [InlineData("02", "3A", "00")]
    [InlineData("05", "20", "00")]
    [InlineData("05", "21", "00")]
    [InlineData("06", "28", "00")]
    [InlineData("06", "29", "00")]
    [InlineData("07", "27", "00")]
    public async Task A_check_condition_reaches_the_host_with_its_sense_key_asc_and_ascq(string key, string asc, string ascq)
    {
        await using var device = new IderLoopbackDevice();
        await using var session = await LoginAsync(device);
        await ExchangeAsync(session, MeshCommanderOpen);
        await ExchangeAsync(session, "48000000010000000319000000");

        var read = device.Port.SendAsync(IderHostDrive.Cdrom, AtapiCdb.Create(0x28, 0, 0, 0, 0x10, 0, 0, 0, 1, 0), new byte[2048], Token).AsTask();
        await ReadHexAsync(session);
        // The check-condition image of reference 6.5.4: mask 87, error = key << 4, interrupt reason 03, drive B0, status 51.
        var error = (Convert.ToByte(key, 16) << 4).ToString("X2", System.Globalization.CultureInfo.InvariantCulture);
        await session.Channel.SendEncodedAsync(Convert.FromHexString("5100000209000000" + "00000000" + "0000000000000000" + "87" + error + "030000" + "00B051" + key + asc + ascq),
            (RedirectionMessageType)0x51, Token);
        var reply = await read.WaitAsync(TimeSpan.FromSeconds(5), Token);

        Assert.False(reply.IsGood);
        Assert.Equal(new AtapiSense(Convert.ToByte(key, 16), Convert.ToByte(asc, 16), Convert.ToByte(ascq, 16)), reply.Sense);
        Assert.Equal(0, reply.Length);
    }

    [Fact]
    public async Task Data_chunks_fill_the_hosts_buffer_and_the_completed_one_ends_the_command()
    {
        await using var device = new IderLoopbackDevice();
        await using var session = await LoginAsync(device);
        await ExchangeAsync(session, MeshCommanderOpen);
        var buffer = new byte[6];

        var read = device.Port.SendAsync(IderHostDrive.Cdrom, AtapiCdb.Create(0x12, 0, 0, 0, 6, 0), buffer, Token).AsTask();
        await ReadHexAsync(session);
        // Two chunks written at once: the device cuts them from the stream itself.
        var first = "5400000000000000" + "000400" + "00" + "B5000200" + "0400B058" + "0000000000000000" + "000000" + "000000" + "01020304";
        var last = "5400000201000000" + "000200" + "00" + "B5000200" + "0200B058" + "85000300" + "0000B050" + "000000" + "000000" + "0506";
        await session.Channel.SendEncodedAsync(Convert.FromHexString(first + last), (RedirectionMessageType)0x54, Token);
        var reply = await read.WaitAsync(TimeSpan.FromSeconds(5), Token);

        Assert.True(reply.IsGood);
        Assert.Equal(6, reply.Length);
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, buffer);
    }

    [Fact]
    public async Task A_reset_goes_out_as_0x46_and_completes_on_the_clients_0x47()
    {
        await using var device = new IderLoopbackDevice();
        await using var session = await LoginAsync(device);
        await ExchangeAsync(session, MeshCommanderOpen);

        var reset = device.Port.ResetAsync(Token);
        var message = await ReadHexAsync(session);
        Assert.False(reset.IsCompleted);
        await session.Channel.SendEncodedAsync(Convert.FromHexString("4700000003000000"), (RedirectionMessageType)0x47, Token);
        await reset.WaitAsync(TimeSpan.FromSeconds(5), Token);

        Assert.Equal("460000000100000000", message);
    }

    [Fact]
    public async Task An_end_request_is_answered_with_0x43_and_frees_the_drives()
    {
        await using var device = new IderLoopbackDevice();
        await using var session = await LoginAsync(device);
        await ExchangeAsync(session, MeshCommanderOpen);

        var end = await ExchangeAsync(session, "4200000001000000");

        Assert.Equal("4300000001000000", end);
        await SharpAmt.Redirection.Tests.Support.SolAssert.EventuallyAsync(() => !device.Port.IsAttached, "the drives are free", Token);
    }

    [Fact]
    public async Task A_host_command_fails_clearly_when_the_client_never_answers()
    {
        await using var device = new IderLoopbackDevice(enabled => new IderDeviceFeature(enabled) { CommandTimeout = TimeSpan.FromMilliseconds(300) });
        await using var session = await LoginAsync(device);
        await ExchangeAsync(session, MeshCommanderOpen);

        var failure = await Assert.ThrowsAsync<AtapiHostException>(() => device.Port.SendAsync(IderHostDrive.Cdrom, AtapiCdb.Create(0x00), Memory<byte>.Empty, Token).AsTask());

        Assert.Equal("no answer to TEST UNIT READY on the IDE-R CD within 0.3 s", failure.Message);
    }

    private static async Task<RedirectionSession> LoginAsync(IderLoopbackDevice device)
    {
        var session = await RedirectionClient.ConnectAsync(device.Client(), RedirectionSessionType.Ider, Token);
        session.Channel.Table = IderFrames.Table;
        return session;
    }

    private static async Task<string> ExchangeAsync(RedirectionSession session, string hex)
    {
        var bytes = Convert.FromHexString(hex);
        await session.Channel.SendEncodedAsync(bytes, (RedirectionMessageType)bytes[0], Token);
        return await ReadHexAsync(session);
    }

    private static async Task<string> ReadHexAsync(RedirectionSession session)
    {
        // Device heartbeats may come in between; they are not what these tests look at.
        for (var skipped = 0; skipped < 4; skipped++)
        {
            var frame = await session.ReadReplyAsync("an IDE-R reply", Token);
            if (frame.Type != (RedirectionMessageType)0x4B)
            {
                return Convert.ToHexString(frame.Bytes);
            }
        }

        throw new InvalidOperationException("only heartbeats arrived");
    }
}
