using System.CommandLine;
using System.CommandLine.Parsing;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Cli.Output;
using Spectre.Console;

namespace SharpAmt.Cli.Commands.Power;

/// <summary><c>amt power HOST ACTION [--boot TARGET] [--sol]</c>: read the power state or change it, optionally booting somewhere.</summary>
internal sealed class PowerCommand : DeviceCommand
{
    public static readonly Argument<string> Host = CommonOptions.CreateHostArgument();

    public static readonly Argument<PowerVerb> Verb = new("ACTION")
    {
        Description = $"One of: {string.Join(", ", Choices.Names(PowerVerb.All))}",
        CustomParser = Choices.Parser("power action", PowerVerb.All)!,
    };

    public static readonly Option<BootTarget?> Boot = new("--boot")
    {
        Description = $"Boot to this device ({string.Join(", ", Choices.Names(BootTargets.All))}); with on, reset, cycle or soft-reset",
        HelpName = "TARGET",
        CustomParser = Choices.Parser("boot target", BootTargets.All),
    };

    public static readonly Option<bool> Sol = new("--sol")
    {
        Description = "Redirect the console of the boot this action starts to Serial-over-LAN (with or without --boot)",
    };

    public PowerCommand()
        : base("power", "Show the power state, or power the host on, off, reset, cycle, or put it to sleep", Host)
    {
        Arguments.Add(Host);
        Arguments.Add(Verb);
        Options.Add(Boot);
        Options.Add(Sol);
        CommonOptions.AddConnectionOptions(this);
        Validators.Add(ValidateBootOptions);
    }

    private static void ValidateBootOptions(CommandResult result)
    {
        result.TryGet(Verb, out var verb);
        var bootGiven = result.GetResult(Boot) is not null;
        if (bootGiven && verb is not null && !verb.Boots)
        {
            result.AddError($"--boot works only with on, reset, cycle or soft-reset, not with {verb.Name}");
        }

        if (result.GetResult(Sol) is not null && verb is not null && !verb.Boots)
        {
            result.AddError($"--sol works only with on, reset, cycle or soft-reset (it redirects the console of the boot they start), not with {verb.Name}");
        }
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Value(Verb).Action is { } action)
        {
            await RequestAsync(device, context, action, cancellationToken);
        }
        else
        {
            await ShowStatusAsync(device, context, cancellationToken);
        }

        return ExitCodes.Success;
    }

    private static async Task ShowStatusAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        var status = await device.GetPowerStatusAsync(cancellationToken);
        var view = new PowerStatusView(device.Endpoint, PowerView.From(status));
        context.Output.Result(view, CliJsonContext.Default.PowerStatusView, console => console.Write(Tables.Titled(view.Endpoint, Tables.Properties()
            .Row("Power state", view.Power.Describe())
            .Row("Actions now", view.Power.AvailableActions.Count == 0 ? "none" : string.Join(", ", view.Power.AvailableActions)))));
    }

    private static async Task RequestAsync(AmtDevice device, CommandContext context, PowerAction action, CancellationToken cancellationToken)
    {
        var boot = context.Value(Boot);
        var sol = context.Value(Sol);
        // --sol without --boot: the host boots as it would, with its console redirected from the first line.
        var result = boot is { } target ? await device.BootAsync(new BootRequest(target, action, sol), cancellationToken)
            : sol ? await device.BootAsync(new BootRequest(BootTarget.Default, action, UseSol: true), cancellationToken)
            : await device.PowerAsync(action, cancellationToken);
        var view = PowerActionView.From(device.Endpoint, result, boot, sol);
        context.Output.Result(view, CliJsonContext.Default.PowerActionView, console =>
        {
            console.WriteLine($"{view.Endpoint}: {view.Summary}{(view.Requested ? "" : "; nothing requested")}");
            console.WriteLine($"power state before: {view.Before.Describe()}; read afterwards: {view.After?.Describe() ?? "could not be read"}");
        });
    }
}
