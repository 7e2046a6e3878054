using System.CommandLine;
using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.WsMan;

internal sealed class WsManGetCommand : DeviceCommand
{
    public static readonly Argument<string> Class = WsManClasses.CreateArgument();

    public WsManGetCommand()
        : base("get", "Get one instance of a class", WsManCommand.Host)
    {
        Arguments.Add(Class);
        Validators.Add(WsManOptions.RejectXmlWithJson);
        Options.Add(WsManOptions.Selector);
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        var instance = await device.WsMan.GetAsync(context.Value(Class), WsManOptions.Selectors(context.Value(WsManOptions.Selector)), cancellationToken);
        WsManPrinter.Print(context, instance, device.Endpoint);
        return ExitCodes.Success;
    }
}
