using System.Globalization;

namespace SharpAmt.Transport.Relay;

/// <summary>The ssh invocation behind a relay: log in, open a SOCKS port on loopback, run nothing else.</summary>
internal static class SshCommandLine
{
    /// <summary>
    /// Runs ssh in the background and ends it as soon as its standard input closes, which happens when this
    /// process exits for any reason, SIGKILL included; a process-exit handler alone would miss that case.
    /// </summary>
    public const string Watchdog =
        """
        exec 3<&0 >/dev/null
        "$@" </dev/null &
        ssh=$!
        ( read -r line <&3; kill "$ssh" 2>/dev/null ) &
        watch=$!
        exec 3<&-
        wait "$ssh"
        status=$?
        kill "$watch" 2>/dev/null
        exit "$status"
        """;

    public static IReadOnlyList<string> Arguments(SshRelayTarget target, SshRelayOptions options, int socksPort)
    {
        var arguments = new List<string>
        {
            "-N",
            "-D", "127.0.0.1:" + socksPort.ToString(CultureInfo.InvariantCulture),
            // Exit rather than run without the SOCKS port (someone took it): the relay then tries another.
            "-o", "ExitOnForwardFailure=yes",
            // A shared master from the user's config would keep our forwarding after we end; use our own connection.
            "-o", "ControlMaster=no",
            "-o", "ControlPath=none",
            // Failed forwarded connections are reported at INFO; they say why a device could not be reached.
            "-o", "LogLevel=INFO",
        };
        if (!options.Interactive)
        {
            arguments.AddRange(["-o", "BatchMode=yes"]);
        }

        if (options.ConfigFile is { } config)
        {
            arguments.AddRange(["-F", config]);
        }

        if (target.Port is { } port)
        {
            arguments.AddRange(["-p", port.ToString(CultureInfo.InvariantCulture)]);
        }

        if (target.User is { } user)
        {
            arguments.AddRange(["-l", user]);
        }

        arguments.AddRange(["--", target.Host]);
        return arguments;
    }
}
