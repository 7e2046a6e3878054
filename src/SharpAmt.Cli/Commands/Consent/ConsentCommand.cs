using System.CommandLine;

namespace SharpAmt.Cli.Commands.Consent;

/// <summary>
/// <c>amt consent HOST status|start|code NNNNNN|cancel|policy none|kvm|all|display N</c>: the user consent flow
/// (IPS_OptInService) and the display its code appears on (IPS_SecIOService).
/// </summary>
internal sealed class ConsentCommand : Command
{
    public static readonly Argument<string> Host = CommonOptions.CreateHostArgument();

    public ConsentCommand()
        : base("consent", "User consent: show its state, show a code on the host's screen, send the code, cancel, set the policy, or choose the display the code appears on")
    {
        Arguments.Add(Host);
        CommonOptions.AddConnectionOptions(this);
        Subcommands.Add(new ConsentStatusCommand());
        Subcommands.Add(new ConsentStartCommand());
        Subcommands.Add(new ConsentCodeCommand());
        Subcommands.Add(new ConsentCancelCommand());
        Subcommands.Add(new ConsentPolicyCommand());
        Subcommands.Add(new ConsentDisplayCommand());
    }
}
