using System.Diagnostics;
using System.Net;
using SharpAmt.Interop.Tests.Support;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Firmware;
using SharpAmt.Tests.Support;
using Xunit;

namespace SharpAmt.Interop.Tests;

/// <summary>
/// Debian's real amtterm 1.4, unmodified, in a tmux pane against a simulated device on 16994: it logs in with
/// the plain method, types into the host's serial port (an echo here), shows the answer, and leaves with its
/// escape key Ctrl-] (0x22, then its stray 0x1D, then 0x12 after the device's 0x23).
/// </summary>
public sealed class AmttermSolTests
{
    public const string AmttermPath = "/usr/bin/amtterm";

    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private static int _next;

    /// <summary>This file's addresses: 127.0.114.1 to 127.0.114.254.</summary>
    private static IPAddress NextAddress()
    {
        var index = Interlocked.Increment(ref _next);
        return index < 255 ? new IPAddress(new byte[] { 127, 0, 114, (byte)index }) : throw new InvalidOperationException("out of 127.0.114.x addresses");
    }

    [Theory]
    [InlineData("12")]
    [InlineData("8.1")]
    public async Task Amtterm_logs_in_types_sees_the_echo_and_leaves_with_its_escape_key(string firmware)
    {
        Assert.True(File.Exists(AmttermPath), $"Debian's amtterm is not installed at {AmttermPath}; install the package amtterm (CI installs it)");
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            Console = SerialEcho.HostConsoleOff,
            Address = NextAddress(),
            Firmware = FirmwareProfiles.Find(firmware)!,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync(cancellation);
        await using var echo = new SerialEcho(device.SerialPort);

        await using var tmux = await Tmux.StartAsync(
            [AmttermPath, "-u", device.Options.User, device.Address.ToString(), "16994"],
            new Dictionary<string, string> { ["AMT_PASSWORD"] = device.Options.Password, ["LC_ALL"] = "C" },
            cancellation);

        await WaitUntilAsync(() => device.SerialPort.IsAttached, "amtterm never started SOL", cancellation);
        await tmux.SendKeysAsync(cancellation, "-l", "hello-from-amtterm");
        await tmux.SendKeysAsync(cancellation, "Enter");
        await tmux.WaitForScreenAsync("hello-from-amtterm", Wait, cancellation);
        await WaitUntilAsync(() => echo.TypedBytes().AsSpan().IndexOf("hello-from-amtterm\r"u8) >= 0, "the host never received the typed line", cancellation);

        await tmux.SendKeysAsync(cancellation, "C-]");

        await WaitUntilAsync(() => !device.SerialPort.IsAttached, "the console stayed attached after amtterm's escape key", cancellation);
        await WaitUntilAsync(() => tmux.HasExitedAsync(cancellation).GetAwaiter().GetResult(), "amtterm did not exit after its escape key", cancellation);
        Assert.DoesNotContain((byte)0x1D, echo.TypedBytes());
        Assert.DoesNotContain("select: timeout", await tmux.ScreenAsync(cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Amtterm_shows_a_reset_boot_then_logs_in_on_the_serial_getty_and_runs_a_command()
    {
        Assert.True(File.Exists(AmttermPath), $"Debian's amtterm is not installed at {AmttermPath}; install the package amtterm (CI installs it)");
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = new SimulatedDevice(new SimulatedDeviceOptions
        {
            // The real simulated console, at full speed, with its getty on ttyS1.
            Console = SharpAmt.Simulator.Host.SerialConsole.HostConsoleOptions.Default with { LinePace = TimeSpan.Zero, GrubTimeout = TimeSpan.Zero, SerialGetty = true },
            Address = NextAddress(),
            Firmware = FirmwareProfiles.Amt12,
            PowerTransitionDelay = TimeSpan.Zero,
        });
        await device.StartAsync(cancellation);
        await using var tmux = await Tmux.StartAsync(
            [AmttermPath, "-u", device.Options.User, device.Address.ToString(), "16994"],
            new Dictionary<string, string> { ["AMT_PASSWORD"] = device.Options.Password, ["LC_ALL"] = "C" },
            cancellation);
        await WaitUntilAsync(() => device.SerialPort.IsAttached, "amtterm never started SOL", cancellation);

        // The real `amt power HOST reset --sol` process, while amtterm is attached.
        var (exitCode, output) = await RunAmtAsync(["power", device.Address.ToString(), "reset", "--sol"], device.Options.Password, cancellation);
        Assert.True(exitCode == 0, $"amt power reset --sol exited {exitCode}: {output}");

        await tmux.WaitForScreenAsync("Version 2.22.1287. Copyright (C) 2024 American Megatrends, Inc.", Wait, cancellation, withHistory: true);
        await tmux.WaitForScreenAsync("Linux version", Wait, cancellation, withHistory: true);
        await tmux.WaitForScreenAsync(" login:", Wait, cancellation);
        await tmux.SendKeysAsync(cancellation, "-l", SharpAmtUser);
        await tmux.SendKeysAsync(cancellation, "Enter");
        await tmux.WaitForScreenAsync("Password:", Wait, cancellation);
        await tmux.SendKeysAsync(cancellation, "-l", SharpAmtUser);
        await tmux.SendKeysAsync(cancellation, "Enter");
        await tmux.WaitForScreenAsync($"{SharpAmtUser}@", Wait, cancellation);
        await tmux.SendKeysAsync(cancellation, "-l", "uname -a");
        await tmux.SendKeysAsync(cancellation, "Enter");
        var screen = await tmux.WaitForScreenAsync("x86_64 GNU/Linux", Wait, cancellation);
        await tmux.SendKeysAsync(cancellation, "C-]");

        await WaitUntilAsync(() => !device.SerialPort.IsAttached, "the console stayed attached after amtterm's escape key", cancellation);
        await WaitUntilAsync(() => tmux.HasExitedAsync(cancellation).GetAwaiter().GetResult(), "amtterm did not exit after its escape key", cancellation);
        Assert.DoesNotContain("Login incorrect", screen, StringComparison.Ordinal);
        Assert.Contains("uname -a", screen, StringComparison.Ordinal);
        Assert.Equal(SharpAmt.Simulator.Host.SerialConsole.HostConsoleState.Shell, device.Console.State);
    }

    /// <summary>Runs the built amt command (amt.dll beside these tests) with the password in the environment only.</summary>
    private static async Task<(int ExitCode, string Output)> RunAmtAsync(string[] arguments, string password, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "amt.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AMT_PASSWORD"] = password;
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["XDG_CONFIG_HOME"] = Path.Combine(Path.GetTempPath(), "amt-interop-no-config");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("amt did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Wait);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"amt {string.Join(' ', arguments)} did not finish within {Wait.TotalSeconds} s");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>The simulated OS's own account on its serial getty (user/user), not an AMT account.</summary>
    private const string SharpAmtUser = "user";

    [Fact]
    public async Task Amtterm_reports_a_wrong_password()
    {
        Assert.True(File.Exists(AmttermPath), $"Debian's amtterm is not installed at {AmttermPath}; install the package amtterm (CI installs it)");
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = new SimulatedDevice(new SimulatedDeviceOptions { Address = NextAddress(), Firmware = FirmwareProfiles.Amt12 });
        await device.StartAsync(cancellation);

        await using var tmux = await Tmux.StartAsync(
            [AmttermPath, device.Address.ToString()],
            new Dictionary<string, string> { ["AMT_PASSWORD"] = "Wrong-Password-9", ["LC_ALL"] = "C" },
            cancellation);

        await WaitUntilAsync(() => tmux.HasExitedAsync(cancellation).GetAwaiter().GetResult(), "amtterm kept running after a refused login", cancellation);
        Assert.False(device.SerialPort.IsAttached);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string failure, CancellationToken cancellationToken)
    {
        var elapsed = Stopwatch.StartNew();
        while (!condition() && elapsed.Elapsed < Wait)
        {
            await Task.Delay(50, cancellationToken);
        }

        Assert.True(condition(), failure);
    }
}
