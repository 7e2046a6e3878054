using System.CommandLine;
using System.CommandLine.Parsing;
using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.Sol;

/// <summary>
/// <c>amt console HOST [--reset [--bios]]</c>: the serial console like <c>amt sol</c>, and with --reset the
/// machine restarted with its console redirected to SOL once the console is attached, so POST shows from its
/// first line (with --bios it stops in BIOS setup). A host that is off is powered up instead, which is said.
/// </summary>
internal sealed class ConsoleCommand : AmtCommand
{
    public static readonly Argument<string> Host = CommonOptions.CreateHostArgument();

    public static readonly Option<bool> Reset = new("--reset")
    {
        Description = "Once attached, reset the host with its console redirected to SOL (power it up if it is off), so POST shows from the first line",
    };

    public static readonly Option<bool> Bios = new("--bios")
    {
        Description = "With --reset: boot into BIOS setup",
    };

    public static readonly SolConsoleOptions ConsoleOptions = new();

    public ConsoleCommand()
        : base("console", "The host's serial console over SOL, optionally from a reset (--reset) or into BIOS setup (--reset --bios)")
    {
        Arguments.Add(Host);
        Options.Add(Reset);
        Options.Add(Bios);
        ConsoleOptions.AddTo(this);
        CommonOptions.AddConnectionOptions(this);
        Validators.Add(CommonOptions.RejectConflictingTrust);
        Validators.Add(RequireResetForBios);
    }

    private static void RequireResetForBios(CommandResult result)
    {
        if (result.GetResult(Bios) is not null && result.GetResult(Reset) is null)
        {
            result.AddError("--bios works only with --reset (it says where the reset boots to)");
        }
    }

    public override Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var bios = context.Value(Bios);
        var whileAttached = context.Value(Reset)
            ? (options, cancellation) => ConsoleBoot.RunAsync(options, bios, context.Output, cancellation)
            : (Func<AmtConnectionOptions, CancellationToken, Task>?)null;
        return SolConsoleRunner.RunAsync(context, "amt console", context.Value(Host), ConsoleOptions, whileAttached, cancellationToken);
    }
}
