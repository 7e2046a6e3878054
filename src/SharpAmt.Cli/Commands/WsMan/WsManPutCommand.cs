using System.CommandLine;
using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.WsMan;

/// <summary>Get the instance, change the given properties, Put it back, and print what the device now holds.</summary>
internal sealed class WsManPutCommand : DeviceCommand
{
    public static readonly Argument<string> Class = WsManClasses.CreateArgument();

    public static readonly Argument<string[]> Properties = WsManOptions.CreateAssignments(
        "NAME=VALUE", "Properties to change; repeat a name to set an array", ArgumentArity.OneOrMore, allowReferences: false);

    public WsManPutCommand()
        : base("put", "Change properties of an instance", WsManCommand.Host)
    {
        Arguments.Add(Class);
        Validators.Add(WsManOptions.RejectXmlWithJson);
        Arguments.Add(Properties);
        Options.Add(WsManOptions.Selector);
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        var selectors = WsManOptions.Selectors(context.Value(WsManOptions.Selector));
        var instance = await device.WsMan.GetAsync(context.Value(Class), selectors, cancellationToken);
        foreach (var group in Assignment.ParseAll(context.Value(Properties)).GroupBy(assignment => assignment.Name))
        {
            if (!instance.Has(group.Key))
            {
                context.Output.Diagnostic($"note: {instance.Name} has no property {group.Key}; it is added");
            }

            var values = group.Select(assignment => assignment.Value).ToArray();
            instance = values.Length == 1 ? instance.With(group.Key, values[0]) : instance.With(group.Key, values);
        }

        var updated = await device.WsMan.PutAsync(instance, selectors, cancellationToken);
        WsManPrinter.Print(context, updated, device.Endpoint);
        return ExitCodes.Success;
    }
}
