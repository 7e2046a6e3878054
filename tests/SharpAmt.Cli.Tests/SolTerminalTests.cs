using System.Text;
using System.Text.RegularExpressions;
using SharpAmt.Interop.Tests.Support;
using Xunit;

namespace SharpAmt.Cli.Tests;

/// <summary>
/// The built amt, interactive, in a real terminal (a tmux pane) against a simulated device running its own
/// console: keys reach the host as typed with no local echo, Enter, CR and LF all arrive as CR, a multi-line
/// paste arrives whole and in order, and Ctrl-] leaves with the terminal back in its normal mode.
/// </summary>
public sealed class SolTerminalTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Keys_enter_a_paste_and_the_escape_key_work_in_a_real_terminal()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var device = await ConsoleDevices.StartAsync();
        var typed = new MemoryStream();
        device.SerialPort.InputReceived += data =>
        {
            lock (typed)
            {
                typed.Write(data);
            }
        };
        string Typed()
        {
            lock (typed)
            {
                return Encoding.ASCII.GetString(typed.ToArray());
            }
        }

        var home = Directory.CreateTempSubdirectory("amt-terminal-test-").FullName;
        try
        {
            var amt = Path.Combine(AppContext.BaseDirectory, "amt.dll");
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
            // After amt leaves, the shell shows its exit code and the terminal's modes, then waits to be looked at.
            var script = $"'{dotnet}' '{amt}' sol {device.Address}; echo amt-exit=$?; stty -a; sleep 120";
            await using var tmux = await Tmux.StartAsync(["/bin/sh", "-c", script], new Dictionary<string, string>
            {
                ["AMT_PASSWORD"] = CliHarness.Password,
                ["HOME"] = home,
                ["XDG_CONFIG_HOME"] = Path.Combine(home, "config"),
                ["XDG_DATA_HOME"] = Path.Combine(home, "data"),
                ["LC_ALL"] = "C",
            }, cancellation);

            await tmux.WaitForScreenAsync("press Ctrl-] to leave", Wait, cancellation);
            await ConsoleDevices.EventuallyAsync(() => device.SerialPort.IsAttached, "amt sol never attached");
            await tmux.SendKeysAsync(cancellation, "Enter");
            await tmux.WaitForScreenAsync(" login:", Wait, cancellation);
            await tmux.SendKeysAsync(cancellation, "-l", "user");
            await tmux.SendKeysAsync(cancellation, "Enter");
            await tmux.WaitForScreenAsync("Password:", Wait, cancellation);
            await tmux.SendKeysAsync(cancellation, "-l", "user");
            await tmux.SendKeysAsync(cancellation, "C-m");
            var loggedIn = await tmux.WaitForScreenAsync("user@", Wait, cancellation);
            // Raw mode: nothing typed is echoed by the local terminal, so the password never shows.
            Assert.Matches(new Regex(@"Password:\s*\n", RegexOptions.Multiline), loggedIn);

            await tmux.SendKeysAsync(cancellation, "-l", "echo by-lf");
            await tmux.SendKeysAsync(cancellation, "C-j");
            await tmux.WaitForScreenAsync("\nby-lf", Wait, cancellation);
            await tmux.PasteAsync("echo pasted-one\necho pasted-two\nuname\n", cancellation);
            var screen = await tmux.WaitForScreenAsync("\nLinux\n", Wait, cancellation);
            Assert.Contains("\npasted-one\n", screen, StringComparison.Ordinal);
            Assert.Contains("\npasted-two\n", screen, StringComparison.Ordinal);
            Assert.Contains("user\ruser\r", Typed(), StringComparison.Ordinal);
            Assert.Contains("echo by-lf\recho pasted-one\recho pasted-two\runame\r", Typed(), StringComparison.Ordinal);
            Assert.DoesNotContain('\n', Typed());

            await tmux.SendKeysAsync(cancellation, "C-]");
            var after = await tmux.WaitForScreenAsync("amt-exit=", Wait, cancellation);
            after = await tmux.WaitForScreenAsync("icanon", Wait, cancellation);

            Assert.Contains("amt-exit=0", after, StringComparison.Ordinal);
            Assert.Matches(new Regex(@"(?<![-\w])icanon\b"), after);
            Assert.Matches(new Regex(@"(?<![-\w])echo\b"), after);
            Assert.DoesNotContain('\x1D', Typed());
            await ConsoleDevices.EventuallyAsync(() => !device.SerialPort.IsAttached, "the console stayed attached after Ctrl-]");
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
