using System.Net.Sockets;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Simulator.Firmware;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary><c>amt kvm HOST --pixel-format</c> and <c>--listen --view-only</c> against simulated devices (KvmActionDevices' addresses).</summary>
public sealed class KvmViewerOptionsCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rgb332_is_asked_of_the_device_and_the_screenshot_shows_it()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync();
        var path = Path.Combine(harness.Root, "rgb332.png");

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "--pixel-format", "rgb332", "--screenshot", path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains(RfbPixelFormat.Rgb332.ToString(), result.Out, StringComparison.Ordinal);
        KvmActionDevices.AssertPngShowsTheMonitor(path, device, RfbPixelFormat.Rgb332);
    }

    [Fact]
    public async Task Gray_pixels_come_from_amt_16_and_older_firmware_is_told_no_before_connecting()
    {
        using var harness = new CliHarness();
        await using var amt16 = await KvmActionDevices.StartAsync(firmware: FirmwareProfiles.Amt16);
        await using var amt12 = await KvmActionDevices.StartAsync();
        var path = Path.Combine(harness.Root, "gray.png");
        var sessions = 0;
        amt12.Changed += (_, hostEvent) =>
        {
            if (hostEvent.Text == "KVM session started")
            {
                Interlocked.Increment(ref sessions);
            }
        };

        var gray = await harness.RunAsync("kvm", amt16.Address.ToString(), "--tls", "--pixel-format", "gray8", "--screenshot", path);
        var refused = await harness.RunAsync("kvm", amt12.Address.ToString(), "--pixel-format", "gray4", "--screenshot", path + ".old");

        Assert.Equal(ExitCodes.Success, gray.ExitCode);
        KvmActionDevices.AssertPngShowsTheMonitor(path, amt16, RfbPixelFormat.Gray8);
        Assert.Equal(ExitCodes.DeviceError, refused.ExitCode);
        Assert.Contains("does not offer gray pixel formats", Assert.Single(refused.ErrorLines), StringComparison.Ordinal);
        Assert.Equal(0, Volatile.Read(ref sessions));
        Assert.False(File.Exists(path + ".old"));
    }

    [Theory]
    [InlineData("unknown pixel format 'rgb888'; choose one of: rgb565, rgb332, gray8, gray4", "--pixel-format", "rgb888", "--screenshot", "x.png")]
    [InlineData("--view-only goes with --listen", "--view-only", "--screenshot", "x.png")]
    public async Task Bad_viewer_options_exit_2(string expected, params string[] options)
    {
        using var harness = new CliHarness();

        var result = await harness.RunAsync(["kvm", "127.0.184.254", .. options], null, Token);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task View_only_viewers_see_the_screen_but_their_keys_and_pointer_stay_away_from_the_device()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync();
        using var gateway = await KvmGatewayRun.StartAsync(harness, [device.Address.ToString(), "--listen", $"{KvmActionDevices.NextAddress()}:0", "--view-only"]);
        var endpoint = gateway.Endpoint;

        using (var socket = new Socket(SocketType.Stream, ProtocolType.Tcp))
        {
            await socket.ConnectAsync(endpoint, Token);
            await using var viewer = await KvmSession.OpenAsync(new NetworkStream(socket, ownsSocket: false), endpoint.ToString(),
                new KvmSessionOptions { Format = RfbPixelFormat.TrueColour32, Encodings = [16, 0, -223], TileDialect = RfbTileDialect.Zrle }, Token);
            Assert.Equal(new RfbScreenSize(1920, 1080), viewer.Size);
            var before = viewer.Snapshot().Pixels[(700 * 1920) + 300];
            await viewer.TypeTextAsync("should not arrive", Token);
            await viewer.SendPointerAsync(300, 700, RfbPointerButtons.None, Token);

            // Forwarded input reaches the device within milliseconds (the gateway tests show it); a second shows none came.
            await Task.Delay(TimeSpan.FromSeconds(1), Token);
            Assert.Equal("", device.Screen.TypedText);
            Assert.NotEqual(0x000000u, before);
            Assert.NotEqual(0x000000u, viewer.Snapshot().Pixels[(700 * 1920) + 300]);
        }

        var result = await gateway.StopAsync();
        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }
}
