using System.CommandLine;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.WsMan.Client;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Cli.Commands.WsMan;

internal sealed class WsManEnumerateCommand : DeviceCommand
{
    public static readonly Argument<string> Class = WsManClasses.CreateArgument();

    public static readonly Option<bool> WithReferences = new("--epr")
    {
        Description = "Also show each instance's endpoint reference (EnumerateObjectAndEPR)",
    };

    public WsManEnumerateCommand()
        : base("enum", "Enumerate every instance of a class", WsManCommand.Host)
    {
        Arguments.Add(Class);
        Validators.Add(WsManOptions.RejectXmlWithJson);
        Options.Add(WithReferences);
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        var className = context.Value(Class);
        var options = new WsManEnumerationOptions { Mode = context.Value(WithReferences) ? EnumerationMode.ObjectsAndReferences : EnumerationMode.Objects };
        var items = await device.WsMan.EnumerateAsync(className, options, cancellationToken);
        WsManPrinter.Print(context, items, ResourceUris.ClassName(ResourceUris.For(className)), device.Endpoint);
        return ExitCodes.Success;
    }
}
