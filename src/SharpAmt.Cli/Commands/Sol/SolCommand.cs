using System.CommandLine;
using SharpAmt.Cli.Configuration;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Redirection.Session;
using SharpAmt.Redirection.Sol;
using SharpAmt.Transport.Tls;

namespace SharpAmt.Cli.Commands.Sol;

/// <summary>
/// <c>amt sol HOST</c>: the host's serial console over Serial-over-LAN (16994, or 16995 with --tls). With a
/// terminal and no script it is interactive until Ctrl-]; with --send/--expect it runs the steps in the order
/// given and exits 0 when every expectation was met.
/// </summary>
internal sealed class SolCommand : AmtCommand
{
    public static readonly Argument<string> Host = CommonOptions.CreateHostArgument();

    public static readonly Option<string[]> Send = new("--send")
    {
        Description = @"Type TEXT on the console (escapes \r \n \t \e \xHH); repeatable, runs in order with --expect",
        HelpName = "TEXT",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string[]> Expect = new("--expect")
    {
        Description = "Wait until the console shows REGEX (each --timeout at most); repeatable, runs in order with --send",
        HelpName = "REGEX",
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string?> Log = new("--log")
    {
        Description = "Append everything the console shows to FILE",
        HelpName = "FILE",
    };

    public static readonly Option<bool> Plain = new("--plain-auth")
    {
        Description = "Log in with the clear-text method Debian's amtterm 1.4 uses instead of digest",
    };

    public SolCommand()
        : base("sol", "Serial-over-LAN console: interactive (Ctrl-] leaves), or scripted with --send/--expect")
    {
        Arguments.Add(Host);
        Options.Add(Send);
        Options.Add(Expect);
        Options.Add(Log);
        Options.Add(Plain);
        CommonOptions.AddConnectionOptions(this);
        Validators.Add(CommonOptions.RejectConflictingTrust);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var steps = SolSteps.FromCommandLine(context.Parse, Send, Expect);
        if (steps.Count == 0 && !context.Environment.InputIsTerminal)
        {
            throw new UsageException("amt sol needs a terminal for an interactive console, or --send/--expect steps");
        }

        var options = DeviceConnector.Resolve(context, context.Value(Host), cancellationToken);
        var client = new RedirectionClientOptions
        {
            Host = options.Host,
            UseTls = options.UseTls,
            PortOverride = options.Port,
            Credentials = options.Credentials,
            Authentication = context.Value(Plain) ? RedirectionAuthentication.Plain : RedirectionAuthentication.Auto,
            Dialer = options.Dialer,
            ConnectTimeout = options.ConnectTimeout,
            ReplyTimeout = options.Timeout,
            Tls = new TlsClientOptions
            {
                Mode = options.TlsTrust,
                Store = options.TrustStore,
                Authorities = options.Authorities,
                OnFirstUsePinned = options.OnCertificatePinned,
            },
        };

        await using var log = context.Value(Log) is { } path ? OpenLog(path) : null;
        await using var session = await SolSession.OpenAsync(client, cancellationToken: cancellationToken);
        if (steps.Count == 0)
        {
            await SolTerminal.RunAsync(session, context.Output, log, cancellationToken);
        }
        else
        {
            await new SolScriptRunner(session, log) { ExpectTimeout = options.Timeout }.RunAsync(steps, cancellationToken);
        }

        await session.CloseAsync(cancellationToken);
        return ExitCodes.Success;
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
