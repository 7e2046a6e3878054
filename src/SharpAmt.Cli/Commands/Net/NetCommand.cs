using System.CommandLine;
using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.Net;

/// <summary><c>amt net HOST</c> shows AMT's network settings; <c>amt net HOST set ...</c> changes them.</summary>
internal sealed class NetCommand : DeviceCommand
{
    public static readonly Argument<string> Host = CommonOptions.CreateHostArgument();

    public NetCommand()
        : base("net", "Show AMT's network settings (names, wired interface, responses), or change them with 'set'", Host)
    {
        Arguments.Add(Host);
        CommonOptions.AddConnectionOptions(this);
        Subcommands.Add(new NetSetCommand());
        RunsWithoutSubcommand();
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        var settings = await device.GetNetworkSettingsAsync(cancellationToken);
        NetView.Show(context, NetView.From(device.Endpoint, settings));
        return ExitCodes.Success;
    }
}
