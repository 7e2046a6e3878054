using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SharpAmt.Redirection.Ider.Client;
using SharpAmt.Redirection.Session;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Simulator.Host.SerialConsole;
using SharpAmt.Transport;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary><c>amt ider</c> against simulated devices whose BIOS prints what it booted from on the serial console.</summary>
public sealed class IderCommandTests
{
    private static int _next;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>This file's addresses: 127.0.105.1 to 127.0.105.250; 127.0.105.254 never listens.</summary>
    private static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        return index <= 250 ? new IPAddress(new byte[] { 127, 0, 105, (byte)index }) : throw new InvalidOperationException("out of 127.0.105.x addresses");
    }

    private const string Nowhere = "127.0.105.254";

    private static async Task<SimulatedDevice> StartAsync(FirmwareProfile? firmware = null, bool biosRedirectionAlwaysOn = true)
    {
        var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = NextAddress(),
            Firmware = firmware ?? FirmwareProfiles.Amt12,
            Password = CliHarness.Password,
            PowerTransitionDelay = TimeSpan.Zero,
            Console = new HostConsoleOptions { LinePace = TimeSpan.Zero, GrubTimeout = TimeSpan.Zero, BiosRedirectionAlwaysOn = biosRedirectionAlwaysOn },
        });
        device.Redirection.ListenerEnabled = true;
        await device.StartAsync();
        return device;
    }

    [Fact]
    public async Task Boot_serves_the_iso_until_the_host_stops_reading_and_the_bios_names_its_sha256()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync();
        var console = new ConsoleCapture(device);
        var iso = WriteIso(cli, "boot.iso", 3 << 20);

        var result = await cli.RunAsync("ider", device.Address.ToString(), "--cd", iso, "--boot", "--idle", "0.5");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("the host stopped reading", result.Out, StringComparison.Ordinal);
        Assert.Contains($"IDE-R CD: \"CLI_TEST\", {3 << 20} bytes", console.Text, StringComparison.Ordinal);
        Assert.Contains("SHA-256 " + Sha256(iso), console.Text, StringComparison.Ordinal);
        Assert.Equal(Simulator.Host.BootDevice.IderCd, device.Host.LastBoot!.Device);
    }

    [Fact]
    public async Task Sol_redirects_the_boot_console_so_the_bios_lines_reach_a_sol_viewer()
    {
        using var cli = new CliHarness();
        // BIOS redirection is off in this machine's setup: only the boot option UseSOL sends its text to SOL.
        await using var device = await StartAsync(biosRedirectionAlwaysOn: false);
        var console = new ConsoleCapture(device);
        var iso = WriteIso(cli, "sol.iso", 1 << 20);

        var result = await cli.RunAsync("ider", device.Address.ToString(), "--cd", iso, "--boot", "--sol", "--idle", "0.5");

        Assert.Equal(0, result.ExitCode);
        Assert.True(device.Host.LastBoot!.SolRedirected);
        Assert.Contains("SHA-256 " + Sha256(iso), console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_sol_the_bios_of_a_machine_without_console_redirection_stays_silent()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync(biosRedirectionAlwaysOn: false);
        var console = new ConsoleCapture(device);
        var iso = WriteIso(cli, "quiet.iso", 1 << 20);

        var result = await cli.RunAsync("ider", device.Address.ToString(), "--cd", iso, "--boot", "--idle", "0.5");

        Assert.Equal(0, result.ExitCode);
        Assert.False(device.Host.LastBoot!.SolRedirected);
        Assert.DoesNotContain("SHA-256", console.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sol_without_boot_is_a_usage_error()
    {
        using var cli = new CliHarness();
        var iso = WriteIso(cli, "usage.iso", 1 << 20);

        var result = await cli.RunAsync("ider", Nowhere, "--cd", iso, "--sol");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--sol works only with --boot", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_gives_the_served_bytes_of_each_drive()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync();
        var floppy = Path.Combine(cli.Root, "disk.img");
        await File.WriteAllBytesAsync(floppy, RandomNumberGenerator.GetBytes(2880 * 512), Token);

        var result = await cli.RunAsync("ider", device.Address.ToString(), "--floppy", floppy, "--boot", "--idle", "0.5", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(2880 * 512, json.RootElement.GetProperty("floppy").GetProperty("bytesServed").GetInt64());
        Assert.Equal(2879, json.RootElement.GetProperty("floppy").GetProperty("lastLba").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("cd").GetProperty("bytesServed").GetInt64());
        Assert.Equal(Simulator.Host.BootDevice.IderFloppy, device.Host.LastBoot!.Device);
    }

    [Fact]
    public async Task Without_boot_it_serves_until_interrupted_and_then_ends_in_order()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync();
        var iso = WriteIso(cli, "serve.iso", 1 << 20);
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(Token);

        var running = cli.RunAsync(["ider", device.Address.ToString(), "--cd", iso, "--start", "graceful"], output: null, interrupt.Token);
        await WaitAsync(() => device.IderDrives.IsEnabled, "the session enabled the drives");
        Assert.Equal(Redirection.Ider.Wire.IderStartMode.Graceful, device.IderDrives.StartMode);
        // The 0x49 is on its way to amt; give it time to start serving before the interrupt.
        await Task.Delay(300, Token);
        await interrupt.CancelAsync();
        var result = await running;

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("interrupted", result.Out, StringComparison.Ordinal);
        await WaitAsync(() => !Attached(device), "the session ended");
    }

    [Fact]
    public async Task A_device_that_goes_away_while_serving_is_one_line_and_exit_1()
    {
        using var cli = new CliHarness();
        var device = await StartAsync();
        var iso = WriteIso(cli, "gone.iso", 1 << 20);

        var running = cli.RunAsync(["ider", device.Address.ToString(), "--cd", iso], output: null, Token);
        await WaitAsync(() => device.IderDrives.IsEnabled, "the session enabled the drives");
        await Task.Delay(300, Token);
        await device.DisposeAsync();
        var result = await running.WaitAsync(TimeSpan.FromSeconds(20), Token);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"amt: {device.Address}:16994: the device closed the IDE-R session", result.Error.TrimEnd());
    }

    [Fact]
    public async Task A_boot_that_never_reads_the_drives_fails_after_the_first_read_time()
    {
        using var cli = new CliHarness();
        await using var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Address = NextAddress(),
            Password = CliHarness.Password,
            PowerTransitionDelay = TimeSpan.Zero,
            Console = new HostConsoleOptions { Enabled = false },
        });
        await device.StartAsync(Token);
        var iso = WriteIso(cli, "unread.iso", 1 << 20);

        var result = await cli.RunAsync("ider", device.Address.ToString(), "--cd", iso, "--boot", "--first-read", "0.5");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the host did not read from the IDE-R drives within 0.5 s of the boot", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("missing.iso", null, "missing.iso: no such file")]
    [InlineData("odd.iso", 2049, "is not a whole number of 2048-byte CD sectors")]
    [InlineData("empty.iso", 0, "the image is empty")]
    public async Task A_bad_cd_image_is_one_line_and_exit_2_before_any_connection(string name, int? size, string expected)
    {
        using var cli = new CliHarness();
        var path = Path.Combine(cli.Root, name);
        if (size is { } bytes)
        {
            await File.WriteAllBytesAsync(path, new byte[bytes], Token);
        }

        var result = await cli.RunAsync("ider", Nowhere, "--cd", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Bad_arguments_exit_2()
    {
        using var cli = new CliHarness();
        var floppy = Path.Combine(cli.Root, "odd.img");
        await File.WriteAllBytesAsync(floppy, new byte[1000], Token);

        var none = await cli.RunAsync("ider", Nowhere);
        var oddFloppy = await cli.RunAsync("ider", Nowhere, "--floppy", floppy);
        var mode = await cli.RunAsync("ider", Nowhere, "--floppy", floppy, "--start", "later");
        var directory = await cli.RunAsync("ider", Nowhere, "--cd", cli.Root);

        Assert.Equal(2, none.ExitCode);
        Assert.Contains("--cd FILE.iso and/or --floppy FILE.img", none.Error, StringComparison.Ordinal);
        Assert.Equal(2, oddFloppy.ExitCode);
        Assert.Contains("512-byte floppy sectors", oddFloppy.Error, StringComparison.Ordinal);
        Assert.Equal(2, mode.ExitCode);
        Assert.Contains("now, graceful, next-boot", mode.Error, StringComparison.Ordinal);
        Assert.Equal(2, directory.ExitCode);
    }

    [Fact]
    public async Task A_busy_drive_and_a_disabled_feature_are_one_line_and_exit_1()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync();
        var iso = WriteIso(cli, "busy.iso", 1 << 20);
        await using (var holder = await IderSession.OpenAsync(new RedirectionClientOptions
        {
            Host = device.Address.ToString(),
            Credentials = new AmtCredentials("admin", CliHarness.Password),
        }, new IderSessionOptions(), Token))
        {
            var busy = await cli.RunAsync("ider", device.Address.ToString(), "--cd", iso);

            Assert.Equal(1, busy.ExitCode);
            Assert.Equal($"amt: {device.Address}:16994: IDE-R is in use by another session", busy.Error.TrimEnd());
        }

        device.Redirection.IderEnabled = false;
        var disabled = await cli.RunAsync("ider", device.Address.ToString(), "--cd", iso);

        Assert.Equal(1, disabled.ExitCode);
        Assert.Contains("amt features", disabled.Error, StringComparison.Ordinal);
        Assert.Single(disabled.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Works_over_tls_on_tls_only_firmware()
    {
        using var cli = new CliHarness();
        await using var device = await StartAsync(FirmwareProfiles.Amt16);
        var console = new ConsoleCapture(device);
        var iso = WriteIso(cli, "tls.iso", 1 << 20);

        var result = await cli.RunAsync("ider", device.Address.ToString(), "--tls", "--cd", iso, "--boot", "--idle", "0.5");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SHA-256 " + Sha256(iso), console.Text, StringComparison.Ordinal);
    }

    private static bool Attached(SimulatedDevice device) => device.IderDrives.IsAttached;

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(25, Token);
        }

        Assert.True(condition(), what);
    }

    /// <summary>An image the simulated BIOS accepts as a CD: random sectors with an ISO 9660 primary volume descriptor and terminator.</summary>
    internal static string WriteIso(CliHarness cli, string name, int length)
    {
        var content = RandomNumberGenerator.GetBytes(length);
        Descriptor(content.AsSpan(16 * 2048, 2048), 1);
        Descriptor(content.AsSpan(17 * 2048, 2048), 255);
        var path = Path.Combine(cli.Root, name);
        File.WriteAllBytes(path, content);
        return path;

        static void Descriptor(Span<byte> sector, byte type)
        {
            sector.Clear();
            sector[0] = type;
            Encoding.ASCII.GetBytes("CD001", sector[1..6]);
            sector[6] = 1;
            if (type == 1)
            {
                Encoding.ASCII.GetBytes("CLI_TEST".PadRight(32), sector[40..72]);
            }
        }
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Everything the host writes to its serial port, as a SOL viewer would see it.</summary>
    private sealed class ConsoleCapture
    {
        private readonly StringBuilder _text = new();

        public ConsoleCapture(SimulatedDevice device)
        {
            _ = device.SerialPort.TryAttach(data =>
            {
                lock (_text)
                {
                    _text.Append(Encoding.ASCII.GetString(data.Span));
                }

                return ValueTask.CompletedTask;
            }) ?? throw new InvalidOperationException("the serial port is taken");
        }

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }
    }
}
