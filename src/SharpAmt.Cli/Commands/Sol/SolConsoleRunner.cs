using SharpAmt.Cli.Configuration;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Redirection.Sol;

namespace SharpAmt.Cli.Commands.Sol;

/// <summary>
/// What <c>amt sol</c> and <c>amt console</c> share: check the input, obtain user consent when the device's policy
/// asks for it for SOL, attach to the console (reconnecting when the device drops it, saying so on stderr), let the
/// command act while attached, then run the script or the interactive terminal and close in order.
/// </summary>
internal static class SolConsoleRunner
{
    /// <param name="whileAttached">
    /// Runs once the console is attached and before anything is shown: <c>amt console --reset</c> asks for the
    /// boot here so that its first line is caught. Output arriving meanwhile is kept for the terminal or script.
    /// </param>
    public static async Task<int> RunAsync(CommandContext context, string commandName, string hostArgument, SolConsoleOptions options,
        Func<AmtConnectionOptions, CancellationToken, Task>? whileAttached, CancellationToken cancellationToken)
    {
        var steps = SolSteps.FromCommandLine(context.Parse, options.Send, options.Expect);
        if (steps.Count == 0 && !context.Environment.InputIsTerminal)
        {
            throw new UsageException($"{commandName} needs a terminal for an interactive console, or --send/--expect steps");
        }

        var device = DeviceConnector.Resolve(context, hostArgument, cancellationToken);
        var client = RedirectionConnection.From(device, context.Value(options.Plain));
        await using var log = context.Value(options.Log) is { } path ? OpenLog(path) : null;
        await RedirectionConsent.PrepareAsync(context, device, RedirectionKind.Sol, hostArgument, context.Value(options.ConsentCode)?.Trim(), cancellationToken);
        await using var session = await OpenAsync(context, client, TimeSpan.FromSeconds(context.Value(options.ReconnectTimeout)), cancellationToken);
        if (whileAttached is not null)
        {
            await whileAttached(device, cancellationToken);
        }

        if (steps.Count == 0)
        {
            await SolTerminal.RunAsync(session, context.Output, log, cancellationToken);
        }
        else
        {
            await new SolScriptRunner(session, log) { ExpectTimeout = device.Timeout }.RunAsync(steps, cancellationToken);
        }

        await session.CloseAsync(cancellationToken);
        return ExitCodes.Success;
    }

    private static async Task<ISolConsole> OpenAsync(CommandContext context, Redirection.Session.RedirectionClientOptions client, TimeSpan reconnectFor, CancellationToken cancellationToken)
    {
        if (reconnectFor <= TimeSpan.Zero)
        {
            return await SolSession.OpenAsync(client, cancellationToken: cancellationToken);
        }

        var session = await ReconnectingSolSession.OpenAsync(client, policy: SolReconnectPolicy.Default with { GiveUpAfter = reconnectFor }, cancellationToken: cancellationToken);
        session.ConnectionLost += _ => context.Output.Diagnostic($"{client.Endpoint}: SOL connection lost; reconnecting");
        session.Reconnected += () => context.Output.Diagnostic($"{client.Endpoint}: reconnected");
        return session;
    }

    private static FileStream OpenLog(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot open the log {path}: {exception.Message}", exception);
        }
    }
}
