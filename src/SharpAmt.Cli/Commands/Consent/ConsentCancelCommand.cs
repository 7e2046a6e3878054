using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.Consent;

internal sealed class ConsentCancelCommand : DeviceCommand
{
    public ConsentCancelCommand()
        : base("cancel", "Cancel the consent request or granted consent", ConsentCommand.Host)
    {
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        ConsentView.Show(context, device.Endpoint, await device.CancelConsentAsync(cancellationToken));
        return ExitCodes.Success;
    }
}
