using System.Net.Sockets;
using System.Text;
using SharpAmt.Redirection.Device;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Sol;
using SharpAmt.Redirection.Tests.Support;
using SharpAmt.Redirection.Wire;
using SharpAmt.Redirection.Wire.Messages;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Redirection.Tests;

/// <summary>Serial-over-LAN between the client and the simulated device, with an echo on the host's serial port.</summary>
public sealed class SolTests
{
    public static TheoryData<string, bool> Transports => new()
    {
        { "12", false },
        { "12", true },
        { "16.1", true },
    };

    [Theory]
    [MemberData(nameof(Transports))]
    public async Task Typed_text_reaches_the_host_and_its_answer_comes_back(string firmware, bool tls)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(FirmwareProfiles.Find(firmware), cancellation);
        await using var sol = await SolSession.OpenAsync(device.Client(tls), cancellationToken: cancellation);

        await sol.WriteAsync("echo hello\r"u8.ToArray(), cancellation);
        var seen = await SolAssert.ReadUntilAsync(sol, "echo hello\r", cancellation);

        Assert.Equal("echo hello\r", seen);
        Assert.Equal("echo hello\r"u8.ToArray(), device.Echo.TypedBytes());
        Assert.True(sol.HostPoweredOn);
    }

    [Fact]
    public async Task Host_output_longer_than_one_message_arrives_whole_and_in_order()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(cancellationToken: cancellation);
        await using var sol = await SolSession.OpenAsync(device.Client(), new SolSessionOptions { MaxWriteChunk = 7 }, cancellation);
        var text = string.Concat(Enumerable.Range(0, 400).Select(i => $"line {i}\n"));

        await sol.WriteAsync(Encoding.ASCII.GetBytes(text), cancellation);

        Assert.Equal(text, await SolAssert.ReadUntilAsync(sol, "line 399\n", cancellation));
    }

    [Fact]
    public async Task A_second_session_is_told_the_console_is_busy()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(cancellationToken: cancellation);
        await using var first = await SolSession.OpenAsync(device.Client(), cancellationToken: cancellation);

        var error = await Assert.ThrowsAsync<RedirectionRefusedException>(() => SolSession.OpenAsync(device.Client(), cancellationToken: cancellation));

        Assert.True(error.IsBusy);
        Assert.Contains("in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_orderly_close_frees_the_console_for_the_next_session()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(cancellationToken: cancellation);
        var first = await SolSession.OpenAsync(device.Client(), cancellationToken: cancellation);

        await first.CloseAsync(cancellation);

        await SolAssert.EventuallyAsync(() => !device.Device.SerialPort.IsAttached, "the console stayed attached after END", cancellation);
        await using var second = await SolSession.OpenAsync(device.Client(), cancellationToken: cancellation);
        await second.WriteAsync("x"u8.ToArray(), cancellation);
        await SolAssert.ReadUntilAsync(second, "x", cancellation);
    }

    [Fact]
    public async Task A_client_that_just_drops_the_connection_frees_the_console()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(cancellationToken: cancellation);
        var first = await SolSession.OpenAsync(device.Client(), cancellationToken: cancellation);
        Assert.True(device.Device.SerialPort.IsAttached);

        await first.DisposeAsync();

        await SolAssert.EventuallyAsync(() => !device.Device.SerialPort.IsAttached, "the console stayed attached after the client left", cancellation);
        await using var second = await SolSession.OpenAsync(device.Client(), cancellationToken: cancellation);
    }

    [Fact]
    public async Task A_device_that_goes_away_ends_reads_with_a_connection_error()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await SolDevice.StartAsync(cancellationToken: cancellation);
        await using var sol = await SolSession.OpenAsync(device.Client(), cancellationToken: cancellation);

        await device.Device.StopAsync();

        var error = await Assert.ThrowsAsync<AmtConnectionException>(async () => await sol.ReadAsync(new byte[16], cancellation));
        Assert.Contains("closed the SOL session", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_device_sends_heartbeats_and_answers_pings()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = new StandaloneDevice((accounts, port) => new RedirectionDeviceOptions
        {
            Accounts = accounts,
            MessageGap = TimeSpan.Zero,
            Features = new Dictionary<RedirectionSessionType, IRedirectionDeviceFeature>
            {
                [RedirectionSessionType.Sol] = new SolDeviceFeature(port, () => true) { HeartbeatInterval = TimeSpan.FromMilliseconds(100) },
            },
        });
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(device.Address, 16994, cancellation);
        await using var channel = new RedirectionChannel(new NetworkStream(socket), "device", RedirectionFrameTable.Sol);

        // Exactly what amtterm 1.4 sends, in its order.
        await channel.SendAsync(StartRedirectionSession.For(RedirectionSessionType.Sol), cancellation);
        Assert.Equal(RedirectionMessageType.StartRedirectionSessionReply, (await channel.ReadAsync(cancellation))?.Type);
        await channel.SendAsync(AuthenticationMessage.Request(AuthenticationType.Plain, AuthenticationPayload.Plain("admin", StandaloneDevice.Password)), cancellation);
        Assert.Equal(AuthenticationStatus.Success, AuthenticationMessage.Read((await channel.ReadAsync(cancellation))!.Value).Status);
        await channel.SendAsync(StartSolRedirection.Amtterm, cancellation);
        Assert.Equal(RedirectionStatus.Success, StartSolRedirectionReply.Read((await channel.ReadAsync(cancellation))!.Value).Status);
        Assert.Equal(SolStatus.SystemPowerState, SolControls.Read((await channel.ReadAsync(cancellation))!.Value).Status);

        Assert.Equal(RedirectionMessageType.SolHeartbeat, (await channel.ReadAsync(cancellation))?.Type);
        await channel.SendAsync(SolSignal.Heartbeat(), cancellation); // amtterm echoes it
        await channel.SendAsync(new SolSignal(RedirectionMessageType.SolKeepAlivePing, 9), cancellation);
        RedirectionFrame? pong;
        do
        {
            pong = await channel.ReadAsync(cancellation);
        }
        while (pong?.Type == RedirectionMessageType.SolHeartbeat);

        Assert.Equal(new SolSignal(RedirectionMessageType.SolKeepAlivePong, 9), SolSignal.Read(pong!.Value));

        // amtterm's way out: END, a stray escape byte, then 0x12 once 0x23 arrived.
        await channel.SendAsync(SolSignal.End(), cancellation);
        await channel.SendAsync(SolData.ToHost(new byte[] { 0x1D }), cancellation);
        RedirectionFrame? end;
        do
        {
            end = await channel.ReadAsync(cancellation);
        }
        while (end?.Type == RedirectionMessageType.SolHeartbeat);

        Assert.Equal(RedirectionMessageType.EndSolRedirectionReply, end?.Type);
        await channel.SendAsync(EndRedirectionSession.Instance, cancellation);
        await SolAssert.EventuallyAsync(() => !device.Port.IsAttached, "the port stayed attached after 0x12", cancellation);
    }

    [Fact]
    public async Task The_client_sends_heartbeats()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var peer = await FakeDevice.StartAsync(3, cancellation);
        var options = new RedirectionClientOptions
        {
            Host = peer.Address.ToString(),
            Credentials = new AmtCredentials("admin", "P@ssw0rd"),
            Authentication = RedirectionAuthentication.Plain,
        };

        await using var sol = await SolSession.OpenAsync(options, new SolSessionOptions { HeartbeatInterval = TimeSpan.FromMilliseconds(50) }, cancellation);

        var heartbeats = await peer.HeartbeatsAsync(cancellation);
        Assert.Equal(3, heartbeats.Count);
        Assert.True(heartbeats[1].Sequence > heartbeats[0].Sequence);
    }
}
