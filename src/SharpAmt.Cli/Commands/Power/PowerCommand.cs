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

    public static readonly Option<string?> ConsentCode = CommonOptions.CreateConsentCodeOption();

    public PowerCommand()
        : base("power", "Show the power state, or power the host on, off, reset, cycle, or put it to sleep", Host)
    {
        Arguments.Add(Host);
        Arguments.Add(Verb);
        Options.Add(Boot);
        Options.Add(Sol);
        Options.Add(ConsentCode);
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

    /// <summary>
    /// A redirected boot on a device whose policy covers it needs consent first (MeshCommander asks before such power
    /// actions); a host that was off is powered on to show the code, so "on" becomes a reset of the running host.
    /// </summary>
    private static async Task<BootRequest> PrepareConsentAsync(AmtDevice device, CommandContext context, BootRequest request, CancellationToken cancellationToken)
    {
        var host = context.Value(Host);
        var prepared = await device.PrepareConsentAsync(RedirectionKind.RedirectedBoot, RedirectionConsent.Prompting(context, host, context.Value(ConsentCode)?.Trim()), cancellationToken);
        if (prepared.PoweredOn && request.Action == PowerAction.On)
        {
            context.Output.Diagnostic($"the host is on now to show the code; resetting it to boot to {BootNames.Describe(request.Target)}");
            return request with { Action = PowerAction.Reset };
        }

        return request;
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
        var request = boot is not null || sol ? new BootRequest(boot ?? BootTarget.Default, action, sol) : null;
        if (request is { NeedsConsent: true })
        {
            request = await PrepareConsentAsync(device, context, request, cancellationToken);
        }

        var result = request is not null ? await device.BootAsync(request, cancellationToken) : await device.PowerAsync(action, cancellationToken);
        var view = PowerActionView.From(device.Endpoint, result, boot, sol);
        context.Output.Result(view, CliJsonContext.Default.PowerActionView, console =>
        {
            console.WriteLine($"{view.Endpoint}: {view.Summary}{(view.Requested ? "" : "; nothing requested")}");
            console.WriteLine($"power state before: {view.Before.Describe()}; read afterwards: {view.After?.Describe() ?? "could not be read"}");
        });
    }
}
