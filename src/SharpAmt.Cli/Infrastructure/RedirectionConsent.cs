namespace SharpAmt.Cli.Infrastructure;

/// <summary>
/// How every redirection command obtains user consent: the code from --consent-code (tried once, since asking again
/// would only repeat it) or typed in answer to a prompt (three tries), progress on stderr.
/// </summary>
internal static class RedirectionConsent
{
    public static ConsentPrepareOptions Prompting(CommandContext context, string host, string? givenCode) => new()
    {
        ConsentCode = new ConsentCodeReader(context, host, givenCode).AskAsync,
        MaxCodeAttempts = givenCode is null ? 3 : 1,
        Progress = context.Output.Diagnostic,
    };

    /// <summary>Before a SOL or IDE-R connection: asks for the code when the device's policy covers the kind, else does nothing.</summary>
    public static async Task PrepareAsync(CommandContext context, AmtConnectionOptions device, RedirectionKind kind, string host, string? givenCode,
        CancellationToken cancellationToken)
    {
        await using var amt = new AmtDevice(device);
        await amt.PrepareConsentAsync(kind, Prompting(context, host, givenCode), cancellationToken);
    }
}
