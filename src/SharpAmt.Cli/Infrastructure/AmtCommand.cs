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

    /// <summary>Runs the command and returns its exit code; failures are thrown, not printed.</summary>
    public abstract Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken);
}
