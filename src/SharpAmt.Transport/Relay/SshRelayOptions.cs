namespace SharpAmt.Transport.Relay;

/// <summary>How the OpenSSH client that carries an <see cref="SshRelay"/> is run.</summary>
public sealed record SshRelayOptions
{
    /// <summary>The ssh client: a command name looked up on PATH, or a path.</summary>
    public string SshCommand { get; init; } = "ssh";

    /// <summary>An ssh configuration file used instead of <c>~/.ssh/config</c> (<c>ssh -F</c>); null keeps ssh's own.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>
    /// Whether a person can answer ssh's questions (a key passphrase, an unknown host key) on the terminal.
    /// When false ssh runs with <c>BatchMode=yes</c>, so it fails at once instead of waiting for an answer.
    /// </summary>
    public bool Interactive { get; init; }

    /// <summary>Longest wait for ssh to log in and open its forwarding; null takes the connect timeout of the first connection.</summary>
    public TimeSpan? StartTimeout { get; init; }
}
