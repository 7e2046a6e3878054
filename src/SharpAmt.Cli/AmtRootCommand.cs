using System.CommandLine;
using SharpAmt.Cli.Commands.Consent;
using SharpAmt.Cli.Commands.Demo;
using SharpAmt.Cli.Commands.Features;
using SharpAmt.Cli.Commands.Ider;
using SharpAmt.Cli.Commands.Info;
using SharpAmt.Cli.Commands.Kvm;
using SharpAmt.Cli.Commands.Password;
using SharpAmt.Cli.Commands.Power;
using SharpAmt.Cli.Commands.Sim;
using SharpAmt.Cli.Commands.Sol;
using SharpAmt.Cli.Commands.WsMan;

namespace SharpAmt.Cli;

/// <summary>The command tree, built once: the entry point and the parser tests use this same instance.</summary>
internal static class AmtRootCommand
{
    public static RootCommand Instance { get; } = Create();

    private static RootCommand Create()
    {
        var root = new RootCommand("amt: Intel AMT out-of-band management (power, boot, redirection features, user consent, WS-Management) and a device simulator")
        {
            new InfoCommand(),
            new PowerCommand(),
            new FeaturesCommand(),
            new ConsentCommand(),
            new KvmCommand(),
            new Commands.Net.NetCommand(),
            new WsManCommand(),
            new SolCommand(),
            new ConsoleCommand(),
            new IderCommand(),
            new SimCommand(),
            new DemoCommand(),
            new PasswordCommand(),
        };
        root.Options.Add(CommonOptions.Json);
        root.Options.Add(CommonOptions.Verbose);
        return root;
    }
}
