using System.Globalization;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// A small bash after login: echo, uname, hostname, date, help, exit/logout, and reboot and poweroff, which
/// restart or switch off the simulated host as the real commands would. Anything else is "command not found".
/// </summary>
internal sealed class ShellStage : IConsoleStage
{
    /// <summary>A bound on commands in one session; the shell then logs out.</summary>
    private const int MaxCommands = 100_000;

    public HostConsoleState State => HostConsoleState.Shell;

    public async Task<IConsoleStage?> RunAsync(ConsoleRun run)
    {
        for (var i = 0; i < MaxCommands; i++)
        {
            await run.WriteAsync($"{SimulatedMachine.User}@{run.HostName}:~$ ").ConfigureAwait(false);
            var line = await LineEditor.ReadLineAsync(run).ConfigureAwait(false);
            if (line is null)
            {
                await run.WriteAsync("logout" + Ansi.Crlf).ConfigureAwait(false);
                break;
            }

            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (words.Length == 0)
            {
                continue;
            }

            switch (words[0])
            {
                case "exit" or "logout":
                    return new LoginStage();
                case "reboot":
                    return await ShutDownAsync(run, CimPowerState.Reset).ConfigureAwait(false);
                case "poweroff":
                    return await ShutDownAsync(run, CimPowerState.Off).ConfigureAwait(false);
                default:
                    await run.WriteAsync(Run(run, words)).ConfigureAwait(false);
                    break;
            }
        }

        return new LoginStage();
    }

    private static string Run(ConsoleRun run, string[] words) => words[0] switch
    {
        "echo" => Line(string.Join(' ', words.Skip(1))),
        "uname" => Uname(run, words.Skip(1).ToArray()),
        "hostname" => Line(run.HostName),
        "date" => Line(Date(run.Time.GetUtcNow())),
        "help" => string.Concat(
            Line("Commands on this simulated Debian console:"),
            Line("  echo TEXT, uname [-a|-s|-n|-r|-m], hostname, date, help,"),
            Line("  exit or logout (back to the login prompt), reboot, poweroff")),
        _ => Line($"-bash: {words[0]}: command not found"),
    };

    private static string Uname(ConsoleRun run, string[] options)
    {
        if (options.Length == 0 || options is ["-s"])
        {
            return Line("Linux");
        }

        return options switch
        {
            ["-a"] => Line($"Linux {run.HostName} {SimulatedMachine.Kernel} {SimulatedMachine.KernelBuild} x86_64 GNU/Linux"),
            ["-n"] => Line(run.HostName),
            ["-r"] => Line(SimulatedMachine.Kernel),
            ["-m"] => Line("x86_64"),
            _ => Line($"uname: invalid option -- '{options[0].TrimStart('-')}'") + Line("Try 'uname --help' for more information."),
        };
    }

    /// <summary>date's default format, as in the C locale: "Sun Nov 22 02:45:32 UTC 2026".</summary>
    private static string Date(DateTimeOffset now) =>
        now.UtcDateTime.ToString("ddd MMM ", CultureInfo.InvariantCulture)
        + now.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)
        + now.UtcDateTime.ToString(" HH:mm:ss 'UTC' yyyy", CultureInfo.InvariantCulture);

    /// <summary>systemd's last words on the console, then the host restarts or switches off.</summary>
    private static async Task<IConsoleStage?> ShutDownAsync(ConsoleRun run, CimPowerState target)
    {
        await run.LineAsync($"{Ansi.Ok} Stopped target multi-user.target - Multi-User System.").ConfigureAwait(false);
        await run.LineAsync($"{Ansi.Ok} Stopped ssh.service - OpenBSD Secure Shell server.").ConfigureAwait(false);
        await run.LineAsync($"{Ansi.Ok} Stopped serial-getty@ttyS1.service - Serial Getty on ttyS1.").ConfigureAwait(false);
        await run.LineAsync($"{Ansi.Ok} Reached target shutdown.target - System Shutdown.").ConfigureAwait(false);
        await run.LineAsync(target == CimPowerState.Reset ? "[  123.456789] reboot: Restarting system" : "[  123.456789] reboot: Power down").ConfigureAwait(false);
        return await run.PowerFromHostAsync(target).ConfigureAwait(false);
    }

    private static string Line(string text) => text + Ansi.Crlf;
}
