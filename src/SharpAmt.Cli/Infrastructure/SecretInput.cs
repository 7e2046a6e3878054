namespace SharpAmt.Cli.Infrastructure;

/// <summary>
/// A secret the command needs (an RFB or VNC password): from its environment variable, else a prompt that does not
/// echo. Never from the command line, where other users and shell histories would see it.
/// </summary>
internal static class SecretInput
{
    /// <param name="purpose">Names the secret in the error when there is no terminal to ask at, e.g. "the RFB password is needed".</param>
    /// <exception cref="UsageException">Neither the variable nor a terminal, or nothing entered.</exception>
    public static string Read(CliEnvironment environment, string variable, string prompt, string purpose, CancellationToken cancellationToken)
    {
        var text = environment.Variable(variable);
        if (text is null)
        {
            if (!environment.InputIsTerminal)
            {
                throw new UsageException($"{purpose}: set {variable} (no terminal to ask at)");
            }

            text = environment.ReadSecret(prompt, cancellationToken);
        }

        return string.IsNullOrEmpty(text) ? throw new UsageException($"{purpose}: nothing was entered") : text;
    }
}
