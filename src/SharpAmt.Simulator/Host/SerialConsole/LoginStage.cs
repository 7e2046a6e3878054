namespace SharpAmt.Simulator.Host.SerialConsole;

/// <summary>
/// agetty and login on ttyS1 (or tty1 on the monitor): the issue banner, "host login:", then "Password:" without echo. The account is
/// the simulated OS's own (<see cref="SimulatedMachine.User"/>), not an AMT account. Each attempt is one
/// run of the stage; a wrong password waits, as login does, before asking again.
/// </summary>
internal sealed class LoginStage(bool banner = true) : IConsoleStage
{
    private static readonly TimeSpan FailureDelay = TimeSpan.FromSeconds(2);

    public HostConsoleState State => HostConsoleState.Login;

    public async Task<IConsoleStage?> RunAsync(ConsoleRun run)
    {
        var host = run.HostName;
        if (banner)
        {
            await run.WriteAsync($"{Ansi.Crlf}{SimulatedMachine.OsName} {host} {run.TtyName}{Ansi.Crlf}{Ansi.Crlf}").ConfigureAwait(false);
        }

        await run.WriteAsync($"{host} login: ").ConfigureAwait(false);
        var user = await LineEditor.ReadLineAsync(run).ConfigureAwait(false);
        if (string.IsNullOrWhiteSpace(user))
        {
            // agetty asks again on an empty name; Ctrl-D there makes it restart with the banner.
            return new LoginStage(banner: user is null);
        }

        await run.WriteAsync("Password: ").ConfigureAwait(false);
        var password = await LineEditor.ReadLineAsync(run, echo: false).ConfigureAwait(false);
        if (user.Trim() != SimulatedMachine.User || password != SimulatedMachine.Password)
        {
            // A console paced at full speed (tests) skips login's pause as it skips every other one.
            await run.DelayAsync(run.Options.LinePace > TimeSpan.Zero ? FailureDelay : TimeSpan.Zero).ConfigureAwait(false);
            await run.WriteAsync($"{Ansi.Crlf}Login incorrect{Ansi.Crlf}").ConfigureAwait(false);
            return new LoginStage(banner: false);
        }

        await run.WriteAsync(Motd(host)).ConfigureAwait(false);
        return new ShellStage();
    }

    private static string Motd(string host) => string.Join(Ansi.Crlf,
        $"Linux {host} {SimulatedMachine.Kernel} {SimulatedMachine.KernelBuild} x86_64",
        "",
        "The programs included with the Debian GNU/Linux system are free software;",
        "the exact distribution terms for each program are described in the",
        "individual files in /usr/share/doc/*/copyright.",
        "",
        "Debian GNU/Linux comes with ABSOLUTELY NO WARRANTY, to the extent",
        "permitted by applicable law.",
        "");
}
