using System.CommandLine;

namespace SharpAmt.Cli.Commands.WsMan;

/// <summary><c>amt wsman HOST get|enum|put|invoke …</c>: the raw WS-Management explorer.</summary>
internal sealed class WsManCommand : Command
{
    public static readonly Argument<string> Host = CommonOptions.CreateHostArgument();

    public WsManCommand()
        : base("wsman", "Explore WS-Management classes directly: get, enumerate, put and invoke")
    {
        Arguments.Add(Host);
        Options.Add(WsManOptions.Xml);
        CommonOptions.AddConnectionOptions(this);
        Subcommands.Add(new WsManGetCommand());
        Subcommands.Add(new WsManEnumerateCommand());
        Subcommands.Add(new WsManPutCommand());
        Subcommands.Add(new WsManInvokeCommand());
    }
}
