using System.CommandLine;
using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.Sol;

/// <summary>
/// <c>amt sol HOST</c>: the host's serial console over Serial-over-LAN (16994, or 16995 with --tls). With a
/// terminal and no script it is interactive until Ctrl-]; with --send/--expect it runs the steps in the order
/// given and exits 0 when every expectation was met. A console the device drops is reconnected.
/// </summary>
internal sealed class SolCommand : AmtCommand
{
    public static readonly Argument<string> Host = CommonOptions.CreateHostArgument();

    public static readonly SolConsoleOptions ConsoleOptions = new();

    public SolCommand()
        : base("sol", "Serial-over-LAN console: interactive (Ctrl-] leaves), or scripted with --send/--expect")
    {
        Arguments.Add(Host);
        ConsoleOptions.AddTo(this);
        CommonOptions.AddConnectionOptions(this);
        Validators.Add(CommonOptions.RejectConflictingTrust);
    }

    public override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken) =>
        SolConsoleRunner.RunAsync(context, "amt sol", context.Value(Host), ConsoleOptions, whileAttached: null, cancellationToken);
}
