using System.CommandLine;
using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.Consent;

internal sealed class ConsentCodeCommand : DeviceCommand
{
    public static readonly Argument<string> Code = CreateCode();

    public ConsentCodeCommand()
        : base("code", "Send the code read from the host's screen", ConsentCommand.Host)
    {
        Arguments.Add(Code);
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        var status = await device.SendConsentCodeAsync(context.Value(Code), cancellationToken);
        ConsentView.Show(context, device.Endpoint, status, "Consent granted; redirection sessions may start now.");
        return ExitCodes.Success;
    }

    private static Argument<string> CreateCode()
    {
        var argument = new Argument<string>("NNNNNN") { Description = "The six digits shown on the host's screen" };
        argument.Validators.Add(result =>
        {
            var code = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            {
                result.AddError($"a consent code is six digits, not '{code}'");
            }
        });
        return argument;
    }
}
