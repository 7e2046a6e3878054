using System.CommandLine;
using SharpAmt.Cli.Configuration;

namespace SharpAmt.Cli.Infrastructure;

/// <summary>A command that talks to one device: it resolves the connection, then runs against an <see cref="AmtDevice"/>.</summary>
internal abstract class DeviceCommand : AmtCommand
{
    private readonly Argument<string> _host;

    /// <param name="host">The HOST argument: the command's own, or its parent's for verbs such as <c>consent HOST start</c>.</param>
    protected DeviceCommand(string name, string description, Argument<string> host)
        : base(name, description)
    {
        _host = host;
        Validators.Add(CommonOptions.RejectConflictingTrust);
    }

    public sealed override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var options = DeviceConnector.Resolve(context, context.Value(_host), cancellationToken);
        await using var device = new AmtDevice(options);
        return await RunAsync(device, context, cancellationToken);
    }

    protected abstract Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken);
}
