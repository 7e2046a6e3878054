using SharpAmt.Cli.Infrastructure;
using SharpAmt.Cli.Output;
using Spectre.Console;

namespace SharpAmt.Cli.Commands.Info;

/// <summary><c>amt info HOST</c>: who the device is, what firmware it runs, and its power state.</summary>
internal sealed class InfoCommand : DeviceCommand
{
    public static readonly System.CommandLine.Argument<string> Host = CommonOptions.CreateHostArgument();

    public InfoCommand()
        : base("info", "Show firmware version, identity, control mode and power state", Host)
    {
        Arguments.Add(Host);
        CommonOptions.AddConnectionOptions(this);
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        var info = await device.GetInfoAsync(cancellationToken);
        var view = InfoView.From(info, device.WsMan.Http.Realm);
        context.Output.Result(view, CliJsonContext.Default.InfoView, console => console.Write(Tables.Titled(view.Endpoint, Render(view, info.ControlMode))));
        return ExitCodes.Success;
    }

    private static Table Render(InfoView view, ControlMode mode) => Tables.Properties()
        .Row("Firmware", view.Firmware.Version is null ? "unknown" : $"AMT {view.Firmware.Version} (from {view.Firmware.Source})")
        .Row("Server header", view.ServerHeader ?? "")
        .Row("Protocol", view.Protocol == "eoi" ? "EOI SOAP (AMT 2.5–8)" : "WS-Management")
        .Row("Host name", view.HostName)
        .Row("Domain", view.DomainName)
        .Row("FQDN", view.Fqdn)
        .Row("Digest realm", view.DigestRealm)
        .Row("UUID", view.Uuid ?? "not reported")
        .Row("Control mode", Names.Describe(mode))
        .Row("Power state", view.Power.Describe())
        .Row("Actions now", view.Power.AvailableActions.Count == 0 ? "none" : string.Join(", ", view.Power.AvailableActions));
}
