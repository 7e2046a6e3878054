using System.CommandLine;
using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.Consent;

internal sealed class ConsentPolicyCommand : DeviceCommand
{
    private static readonly (string Name, ConsentPolicy Value)[] Policies =
    [
        ("none", ConsentPolicy.None),
        ("kvm", ConsentPolicy.Kvm),
        ("all", ConsentPolicy.All),
    ];

    public static readonly Argument<ConsentPolicy> Policy = new("POLICY")
    {
        Description = "none (never ask), kvm (ask for KVM), all (ask for every redirection)",
        CustomParser = Choices.Parser("consent policy", Policies),
    };

    public ConsentPolicyCommand()
        : base("policy", "Set when user consent is required (admin control mode only)", ConsentCommand.Host)
    {
        Arguments.Add(Policy);
    }

    protected override async Task<int> RunAsync(AmtDevice device, CommandContext context, CancellationToken cancellationToken)
    {
        ConsentView.Show(context, device.Endpoint, await device.SetConsentPolicyAsync(context.Value(Policy), cancellationToken));
        return ExitCodes.Success;
    }
}
