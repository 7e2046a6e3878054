using System.CommandLine;

namespace SharpAmt.Cli.Commands.Consent;

/// <summary><c>amt consent HOST status|start|code NNNNNN|cancel|policy none|kvm|all</c>: the user consent flow (IPS_OptInService).</summary>
internal sealed class ConsentCommand : Command
{
    public static readonly Argument<string> Host = CommonOptions.CreateHostArgument();

    public ConsentCommand()
        : base("consent", "User consent: show its state, show a code on the host's screen, send the code, cancel, or set the policy")
    {
        Arguments.Add(Host);
        CommonOptions.AddConnectionOptions(this);
        Subcommands.Add(new ConsentStatusCommand());
        Subcommands.Add(new ConsentStartCommand());
        Subcommands.Add(new ConsentCodeCommand());
        Subcommands.Add(new ConsentCancelCommand());
        Subcommands.Add(new ConsentPolicyCommand());
    }
}
