using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.Consent;

internal sealed class ConsentStartCommand : DeviceCommand
{
    public ConsentStartCommand()
        : base("start", "Show a six-digit code on the host's screen", ConsentCommand.Host)
    {
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        var status = await device.StartConsentAsync(cancellationToken);
        ConsentView.Show(context, device.Endpoint, status,
            $"A six-digit code is now shown on the host's screen; ask the person there for it, then run: amt consent {context.Value(ConsentCommand.Host)} code NNNNNN");
        return ExitCodes.Success;
    }
}
