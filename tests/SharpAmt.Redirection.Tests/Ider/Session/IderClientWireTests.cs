using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Ider.Client.Media;
using SharpAmt.Redirection.Ider.Wire;
using SharpAmt.Redirection.Tests.Ider.Support;
using Xunit;

namespace SharpAmt.Redirection.Tests.Ider.Session;

/// <summary>The IDE-R client byte by byte against a scripted device: what it sends, and how it takes what a device may send.</summary>
public sealed class IderClientWireTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string OpenReply = "41000000 00000000 0100 0C00 00000000 0020 0020 00 00 000000 57010000 00";

    [Fact]
    public async Task It_opens_as_meshcommander_and_enables_with_the_start_mode()
    {
        var script = new ScriptedIderFeature();
        await using var device = new IderLoopbackDevice(scripted: script);
        var opening = IderSession.OpenAsync(device.Client(), new IderSessionOptions { StartMode = IderStartMode.OnReboot }, Token);

        var open = await script.NextAsync(Token);
        await script.SendAsync(OpenReply, Token);
        var enable = await script.NextAsync(Token);
        await script.SendAsync("49000000 01000000 03 01000000", Token);
        await using var session = await opening;

        // seq 0, rx timeout 30000, tx timeout 0, heartbeat 20000, version 1.
        Assert.Equal("40000000" + "00000000" + "3075" + "0000" + "204E" + "01000000", open);
        Assert.Equal("48000000" + "01000000" + "03" + "09000000", enable);
        Assert.Equal(8192, session.ReadBufferSize);
    }

    [Theory]
    [InlineData("41010000 00000000 0100 0C00 00000000 0020 0020 00 00 000000 57010000 00", null, "refused to open IDE-R (0x41 status 1)")]
    [InlineData(OpenReply, "49000000 01000000 03 00000000", "refused to enable IDE-R (0x49 type 3, value 0)")]
    public async Task A_refused_open_or_enable_is_a_clear_error(string openReply, string? enableReply, string expected)
    {
        var script = new ScriptedIderFeature();
        await using var device = new IderLoopbackDevice(scripted: script);
        var opening = IderSession.OpenAsync(device.Client(), new IderSessionOptions(), Token);

        await script.NextAsync(Token);
        await script.SendAsync(openReply, Token);
        if (enableReply is not null)
        {
            await script.NextAsync(Token);
            await script.SendAsync(enableReply, Token);
        }

        var failure = await Assert.ThrowsAsync<IderStartException>(() => opening);
        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_answers_pings_heartbeats_write_data_and_resets_and_logs_device_errors()
    {
        var script = new ScriptedIderFeature();
        await using var device = new IderLoopbackDevice(scripted: script);
        await using var session = await OpenAsync(script, device, new IderSessionOptions { Cdrom = new IderMemoryImage(new byte[4096]) });

        await script.SendAsync("44000000 02000000", Token);
        var pong = await script.NextAsync(Token);
        await script.SendAsync("4B000000 03000000", Token);
        var heartbeat = await script.NextAsync(Token);
        await script.SendAsync("53000000 04000000 00 0200 000000 ABCD", Token);
        var writeProtected = await script.NextAsync(Token);
        await script.SendAsync("46000000 05000000 00", Token);
        var resetAnswer = await script.NextAsync(Token);
        await script.SendAsync("4A000000 06000000 05 0102", Token);
        await script.SendAsync("50000000 07000000 00 00 00 00 FEFF B0 A0 000000000000000000000000", Token);
        var afterReset = await script.NextAsync(Token);

        Assert.Equal("45000000" + "02000000", pong);
        Assert.Equal("4B000000" + "03000000", heartbeat);
        // CHECK CONDITION 07/27/00, WRITE PROTECTED, on the CD drive.
        Assert.Equal("51000002" + "04000000" + "00" + "0000" + "00" + "0000000000000000" + "87700300" + "0000B051" + "072700", writeProtected);
        Assert.Equal("47000000" + "05000000", resetAnswer);
        // TEST UNIT READY right after the reset reports it: 06/29/00.
        Assert.EndsWith("062900", afterReset, StringComparison.Ordinal);
        Assert.Equal(1, session.Resets);
        var error = Assert.Single(session.DeviceErrors);
        Assert.Equal(5, error.Error);
    }

    [Fact]
    public async Task An_orderly_close_sends_0x42_and_ends_on_the_devices_0x43()
    {
        var script = new ScriptedIderFeature();
        await using var device = new IderLoopbackDevice(scripted: script);
        var session = await OpenAsync(script, device, new IderSessionOptions());

        var closing = session.CloseAsync(Token);
        var end = await script.NextAsync(Token);
        await script.SendAsync("43000000 02000000", Token);
        await closing.WaitAsync(TimeSpan.FromSeconds(5), Token);

        Assert.Equal("42000000" + "02000000", end);
        Assert.True(session.Completion.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task The_device_ending_the_session_completes_it_without_error()
    {
        var script = new ScriptedIderFeature();
        await using var device = new IderLoopbackDevice(scripted: script);
        await using var session = await OpenAsync(script, device, new IderSessionOptions());

        await script.SendAsync("43000000 02000000", Token);

        await session.Completion.WaitAsync(TimeSpan.FromSeconds(5), Token);
    }

    [Fact]
    public async Task An_unknown_opcode_ends_the_session_with_a_protocol_error()
    {
        var script = new ScriptedIderFeature();
        await using var device = new IderLoopbackDevice(scripted: script);
        await using var session = await OpenAsync(script, device, new IderSessionOptions());

        await script.SendAsync("2A000000 00000000 0000", Token);

        var failure = await Assert.ThrowsAsync<Transport.AmtProtocolException>(() => session.Completion.WaitAsync(TimeSpan.FromSeconds(5), Token));
        Assert.Contains("0x2A", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<IderSession> OpenAsync(ScriptedIderFeature script, IderLoopbackDevice device, IderSessionOptions options)
    {
        var opening = IderSession.OpenAsync(device.Client(), options, Token);
        await script.NextAsync(Token);
        await script.SendAsync(OpenReply, Token);
        await script.NextAsync(Token);
        await script.SendAsync("49000000 01000000 03 01000000", Token);
        return await opening;
    }
}
