using System.CommandLine;

namespace SharpAmt.Cli.Infrastructure;

/// <summary>
/// A leaf command: its options are static fields of the subclass, its behaviour <see cref="ExecuteAsync"/>.
/// <see cref="CliApp"/> calls it after a clean parse and decides what failures look like.
/// </summary>
internal abstract class AmtCommand : Command
{
    protected AmtCommand(string name, string description)
        : base(name, description)
    {
    }

    /// <summary>
    /// For a command that runs on its own and also has subcommands (<c>amt net HOST</c>, <c>amt net HOST set</c>):
    /// System.CommandLine demands a subcommand unless the command has an action. CliApp never invokes it.
    /// </summary>
    protected void RunsWithoutSubcommand() => SetAction(static _ => 0);

    /// <summary>Runs the command and returns its exit code; failures are thrown, not printed.</summary>
    public abstract Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
