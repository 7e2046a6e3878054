using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Rfb;
using SharpAmt.Redirection.Session;
using SharpAmt.Simulator.Host;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.Tests.Support;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary><c>amt kvm HOST --screenshot/--type/--keys/--listen</c> against simulated devices (127.0.182–184.x, and 127.0.215.151–152).</summary>
public sealed class KvmActionCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Screenshot_in_text_mode_is_the_frame_buffer_in_rgb565()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync(SimulatedScreenOptions.Default with { GraphicalDesktop = false, AnimationRate = 0 });
        var path = Path.Combine(harness.Root, "text.png");

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "--screenshot", path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("screenshot 720×400", result.Out, StringComparison.Ordinal);
        KvmActionDevices.AssertPngShowsTheMonitor(path, device, RfbPixelFormat.Rgb565);
    }

    [Fact]
    public async Task Screenshot_of_the_1080p_desktop_is_the_frame_buffer_in_rgb565_with_a_json_summary()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync();
        var path = Path.Combine(harness.Root, "desktop.png");

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "--screenshot", path, "--json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(1920, json.RootElement.GetProperty("width").GetInt32());
        Assert.Equal(1080, json.RootElement.GetProperty("height").GetInt32());
        Assert.Equal(path, json.RootElement.GetProperty("screenshot").GetString());
        KvmActionDevices.AssertPngShowsTheMonitor(path, device, RfbPixelFormat.Rgb565);
    }

    [Fact]
    public async Task Screenshot_of_the_4k_desktop_comes_in_8_bit_colour_chosen_automatically()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync(SimulatedScreenOptions.Default with { Width = 3840, Height = 2160, AnimationRate = 0 });
        var path = Path.Combine(harness.Root, "4k.png");

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "--screenshot", path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("8 bpp", result.Out, StringComparison.Ordinal);
        KvmActionDevices.AssertPngShowsTheMonitor(path, device, RfbPixelFormat.Rgb332);
    }

    [Fact]
    public async Task Type_then_screenshot_shows_the_typed_text()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync();
        var path = Path.Combine(harness.Root, "typed.png");

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "--type", "hello from amt kvm", "--screenshot", path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("hello from amt kvm", device.Screen.TypedText, StringComparison.Ordinal);
        Assert.StartsWith("typed 18 characters", result.Out, StringComparison.Ordinal);
        KvmActionDevices.AssertPngShowsTheMonitor(path, device, RfbPixelFormat.Rgb565);
    }

    [Fact]
    public async Task Ctrl_alt_del_restarts_the_machine()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync();
        var boots = 0;
        device.Changed += (_, hostEvent) =>
        {
            if (hostEvent.Kind == HostEventKind.Boot)
            {
                Interlocked.Increment(ref boots);
            }
        };

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "--keys", "ctrl-alt-del");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("pressed ctrl-alt-del", result.Out, StringComparison.Ordinal);
        await KvmActionDevices.EventuallyAsync(() => Volatile.Read(ref boots) > 0, "the machine never restarted");
    }

    [Fact]
    public async Task Consent_code_is_read_from_standard_input()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync(consent: true);
        var typer = new ConsentCodeTyper(device);
        harness.InputReader = typer;
        var path = Path.Combine(harness.Root, "consented.png");

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "--screenshot", path);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(1, typer.LinesRead);
        Assert.Contains("shows a 6-digit code on its screen", result.Error, StringComparison.Ordinal);
        Assert.Contains("user consent granted", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task A_wrong_consent_code_is_one_line_and_exit_1()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync(consent: true);

        // One code in a million is right by chance; the device draws its code only when asked, so none can be known wrong beforehand.
        var result = await harness.RunAsync("kvm", device.Address.ToString(), "--consent-code", "000000", "--type", "x");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.Contains("wrong consent code", result.ErrorLines[^1], StringComparison.Ordinal);
        Assert.Equal("", device.Screen.TypedText);
    }

    [Fact]
    public async Task Disabled_kvm_is_switched_on_and_said_so_but_mebx_disabled_is_one_line_and_exit_1()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync();
        device.Redirection.KvmEnabled = false;

        var enabled = await harness.RunAsync("kvm", device.Address.ToString(), "--type", "a");
        device.Kvm.EnabledByMEBx = false;
        device.Redirection.KvmEnabled = false;
        var refused = await harness.RunAsync("kvm", device.Address.ToString(), "--type", "b");

        Assert.Equal(ExitCodes.Success, enabled.ExitCode);
        Assert.Contains("enabling KVM", enabled.Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.DeviceError, refused.ExitCode);
        Assert.Contains("MEBx", Assert.Single(refused.ErrorLines), StringComparison.Ordinal);
        Assert.Equal("a", device.Screen.TypedText);
    }

    [Fact]
    public async Task A_busy_kvm_is_one_line_and_exit_1()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync();
        await using var other = await KvmSession.OpenAsync(new RedirectionClientOptions
        {
            Host = device.Address.ToString(),
            Credentials = new AmtCredentials(device.Options.User, CliHarness.Password),
        }, cancellationToken: Token);

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "--type", "x");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.Contains("in use by another session", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_one_line_and_exit_1()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync();
        harness.Variables["AMT_PASSWORD"] = "Not-The-Password-1!";
        harness.AddSecret("Not-The-Password-1!");

        var result = await harness.RunAsync("kvm", device.Address.ToString(), "--type", "x");

        Assert.Equal(ExitCodes.DeviceError, result.ExitCode);
        Assert.Single(result.ErrorLines);
        Assert.Equal("", device.Screen.TypedText);
    }

    [Theory]
    [InlineData("unknown key 'foo'", "--keys", "ctrl-foo")]
    [InlineData("empty combination", "--keys", "enter,,esc")]
    [InlineData("--listen takes ADDRESS:PORT", "--listen", "somewhere")]
    [InlineData("--consent-code takes the 6 digits", "--consent-code", "12ab")]
    [InlineData("cannot be typed over KVM", "--type", "snow ☃")]
    public async Task Bad_actions_exit_2_with_one_line(string expected, params string[] options)
    {
        using var harness = new CliHarness();

        var result = await harness.RunAsync(["kvm", "127.0.184.254", .. options], null, Token);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(expected, Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_serves_a_viewer_until_stopped()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync();
        var listen = KvmActionDevices.NextAddress();

        using var gateway = await KvmGatewayRun.StartAsync(harness, [device.Address.ToString(), "--listen", $"{listen}:0"]);
        var endpoint = gateway.Endpoint;
        Assert.Equal(listen, endpoint.Address);

        using (var socket = new Socket(SocketType.Stream, ProtocolType.Tcp))
        {
            await socket.ConnectAsync(endpoint, Token);
            await using var viewer = await KvmSession.OpenAsync(new NetworkStream(socket, ownsSocket: false), endpoint.ToString(),
                new KvmSessionOptions { Format = RfbPixelFormat.TrueColour32, Encodings = [16, 0, -223], TileDialect = RfbTileDialect.Zrle }, Token);
            Assert.Equal(new RfbScreenSize(1920, 1080), viewer.Size);
            await viewer.TypeTextAsync("via the gateway", Token);
            await KvmActionDevices.EventuallyAsync(() => device.Screen.TypedText.Contains("via the gateway", StringComparison.Ordinal), "the viewer's keys never arrived");
        }

        var result = await gateway.StopAsync();
        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }

    [Fact]
    public async Task Listen_prints_a_lost_session_and_its_reconnection()
    {
        using var harness = new CliHarness();
        await using var device = await KvmActionDevices.StartAsync();
        var sessions = 0;
        device.Changed += (_, hostEvent) =>
        {
            if (hostEvent.Text == "KVM session started")
            {
                Interlocked.Increment(ref sessions);
            }
        };
        harness.ErrorWriter = new CapturingWriter();

        using var gateway = await KvmGatewayRun.StartAsync(harness, [device.Address.ToString(), "--listen", $"{KvmActionDevices.NextAddress()}:0"]);
        Assert.Equal(1, Volatile.Read(ref sessions));
        device.SimulateManagementEngineReset(TimeSpan.FromMilliseconds(500));
        await KvmActionDevices.EventuallyAsync(() => harness.ErrorWriter.Text.Contains("reconnected", StringComparison.Ordinal) || gateway.Running.IsCompleted, "the gateway never reported reconnecting");
        Assert.Equal(2, Volatile.Read(ref sessions));

        var result = await gateway.StopAsync();
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("KVM session lost", result.Error, StringComparison.Ordinal);
        Assert.Contains("reconnected", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listen_reconnects_after_the_device_closes_an_idle_session()
    {
        // AMT closes a KVM session after SessionTimeout minutes (3) without keys or pointer; the device's clock is stepped here.
        using var harness = new CliHarness();
        var clock = new SteppedClock();
        await using var device = await KvmActionDevices.StartAsync(time: clock, address: IPAddress.Parse("127.0.215.151"));
        harness.ErrorWriter = new CapturingWriter();

        using var gateway = await KvmGatewayRun.StartAsync(harness, [device.Address.ToString(), "--listen", "127.0.215.152:0"]);
        clock.Advance(TimeSpan.FromMinutes(3));
        await KvmActionDevices.EventuallyAsync(() => harness.ErrorWriter.Text.Contains("reconnected", StringComparison.Ordinal) || gateway.Running.IsCompleted, "the gateway never reported reconnecting");

        var result = await gateway.StopAsync();
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("KVM session lost (127.0.215.151:16994: the device closed the KVM session)", result.Error, StringComparison.Ordinal);
    }
}
