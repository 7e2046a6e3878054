using System.CommandLine;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Cli.Output;
using Spectre.Console;

namespace SharpAmt.Cli.Commands.Consent;

/// <summary>
/// <c>amt consent HOST display N</c>: the display the consent code appears on (IPS_SecIOService.DefaultScreen), not
/// the one KVM shows (<c>amt kvm HOST settings --default-screen</c>).
/// </summary>
internal sealed class ConsentDisplayCommand : DeviceCommand
{
    public static readonly Argument<int> Display = new("N")
    {
        Description = "0 the primary display, 1 the second, 2 the third (AMT 10 and later)",
        CustomParser = Choices.Parser("consent display", ("0", 0), ("1", 1), ("2", 2)),
    };

    public ConsentDisplayCommand()
        : base("display", "Choose the display the consent code appears on", ConsentCommand.Host)
    {
        Arguments.Add(Display);
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        var display = context.Value(Display);
        var status = await device.SetConsentDisplayAsync(display, cancellationToken);
        context.Output.Result(ConsentView.From(device.Endpoint, status), CliJsonContext.Default.ConsentView,
            console => console.WriteLine($"The consent code now appears on {Names.Display(status.CodeDisplay ?? display)} of {device.Endpoint}."));
        return ExitCodes.Success;
    }
}
