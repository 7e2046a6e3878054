using System.CommandLine;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Cli.Commands.WsMan;

/// <summary>Invokes a method with arguments as properties of its Method_INPUT object and prints the output.</summary>
internal sealed class WsManInvokeCommand : DeviceCommand
{
    public static readonly Argument<string> Class = WsManClasses.CreateArgument();

    public static readonly Argument<string> Method = new("METHOD") { Description = "Method name, such as RequestPowerStateChange" };

    public static readonly Argument<string[]> Inputs = WsManOptions.CreateAssignments(
        "NAME=VALUE", "Method arguments; a value ref:CLASS?K=V&K2=V2 is an endpoint reference", ArgumentArity.ZeroOrMore, allowReferences: true);

    public WsManInvokeCommand()
        : base("invoke", "Invoke a method of a class", WsManCommand.Host)
    {
        Arguments.Add(Class);
        Validators.Add(WsManOptions.RejectXmlWithJson);
        Arguments.Add(Method);
        Arguments.Add(Inputs);
        Options.Add(WsManOptions.Selector);
        Method.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && !Assignment.IsName(result.Tokens[0].Value))
            {
                result.AddError($"'{result.Tokens[0].Value}' is not a method name");
            }
        });
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        var className = context.Value(Class);
        var method = context.Value(Method);
        var input = WsManObject.MethodInput(className, method);
        foreach (var group in Assignment.ParseAll(context.Value(Inputs)).GroupBy(assignment => assignment.Name))
        {
            var values = group.Select(assignment => assignment.Value).ToArray();
            input = values switch
            {
                [var single] when ReferenceArgument.IsReference(single) => input.With(group.Key, ReferenceArgument.TryParse(single, out _)!),
                [var single] => input.With(group.Key, single),
                _ => input.With(group.Key, values),
            };
        }

        var output = await device.WsMan.InvokeAsync(className, method, input, WsManOptions.Selectors(context.Value(WsManOptions.Selector)), cancellationToken);
        WsManPrinter.Print(context, output, device.Endpoint);
        if (output.GetUInt32("ReturnValue") is { } returnValue and not 0)
        {
            var name = ResourceUris.ClassName(ResourceUris.For(className));
            throw new CliException($"{device.Endpoint}: {name}.{method} returned {returnValue} ({ReturnCodes.Describe(name, returnValue)})", ExitCodes.DeviceError);
        }

        return ExitCodes.Success;
    }
}
