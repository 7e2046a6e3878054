namespace SharpAmt.Cli.Infrastructure;

/// <summary>
/// Everything a command may take from the process: the three streams, environment variables, whether a
/// person is at a terminal, and a way to read a secret without echo. Tests supply their own, so nothing in
/// the commands reads <see cref="Console"/> or <see cref="Environment"/> directly.
/// </summary>
internal sealed class CliEnvironment
{
    private readonly Func<string, string?> _variables;

    public CliEnvironment(TextWriter output, TextWriter error, Func<string, string?> variables)
    {
        Out = output;
        Error = error;
        _variables = variables;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>Lines read by <c>amt sim --password</c> when no terminal is attached.</summary>
    public TextReader In { get; init; } = TextReader.Null;

    public bool InputIsTerminal { get; init; }

    public bool OutputIsTerminal { get; init; }

    public bool ErrorIsTerminal { get; init; }

    /// <summary>Shows the prompt on stderr and reads a line without echo; only called when <see cref="InputIsTerminal"/>.</summary>
    public Func<string, CancellationToken, string?> ReadSecret { get; init; } = static (_, _) => null;

    /// <summary>The variable's value; null when unset or empty, which every caller treats the same.</summary>
    public string? Variable(string name) => _variables(name) is { Length: > 0 } value ? value : null;

    /// <summary>The user's home directory, for the XDG defaults.</summary>
    public string HomeDirectory => Variable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
}
