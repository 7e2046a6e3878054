namespace SharpAmt.Cli.Infrastructure;

/// <summary>
/// Answers a consent preparation's request for the code: the code given with --consent-code, or a line read from
/// the terminal (or from standard input when there is none). The code is not a secret: it is on the host's screen.
/// </summary>
internal sealed class ConsentCodeReader(CommandContext context, string host, string? givenCode)
{
    public async ValueTask<string?> AskAsync(ConsentPrompt prompt, CancellationToken cancellationToken)
    {
        if (givenCode is not null)
        {
            return givenCode;
        }

        var output = context.Output;
        output.Diagnostic(prompt.PreviousCodeWrong
            ? "that code was refused; type the code on the host's screen again:"
            : $"user consent: {host} shows a 6-digit code on its screen (valid {prompt.CodeTimeoutSeconds} s); type it{(context.Environment.InputIsTerminal ? "" : " on standard input")}:");
        var line = await context.Environment.In.ReadLineAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(line) ? null : line.Trim();
    }
}
