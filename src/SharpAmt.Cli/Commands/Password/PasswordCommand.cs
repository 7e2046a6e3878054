using System.CommandLine;

namespace SharpAmt.Cli.Commands.Password;

/// <summary><c>amt password check</c>: help with AMT passwords before they reach a device.</summary>
internal sealed class PasswordCommand : Command
{
    public PasswordCommand()
        : base("password", "Work with AMT passwords: check a candidate against AMT's rules")
    {
        Subcommands.Add(new PasswordCheckCommand());
    }
}
