using System.CommandLine;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>
/// <c>amt kvm HOST settings ...</c>. The noun takes HOST itself, as <c>amt net HOST</c> does, so that
/// <c>amt kvm HOST</c> can later run on its own (the viewer gateway) by becoming a DeviceCommand that calls
/// RunsWithoutSubcommand; until then a subcommand is required.
/// </summary>
internal sealed class KvmCommand : Command
{
    public static readonly Argument<string> Host = CommonOptions.CreateHostArgument();

    public KvmCommand()
        : base("kvm", "KVM (remote screen, keyboard and mouse): show or change its settings with 'settings'")
    {
        Arguments.Add(Host);
        CommonOptions.AddConnectionOptions(this);
        Subcommands.Add(new KvmSettingsCommand());
    }
}
