using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.Consent;

internal sealed class ConsentStatusCommand : DeviceCommand
{
    public ConsentStatusCommand()
        : base("status", "Show the consent policy and where the code flow stands", ConsentCommand.Host)
    {
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        ConsentView.Show(context, device.Endpoint, await device.GetConsentAsync(cancellationToken));
        return ExitCodes.Success;
    }
}
