using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>
/// Where the RFB (port 5900 VNC) password comes from: AMT_RFB_PASSWORD, else a prompt without echo. Never the
/// command line; and it is checked against AMT's rules here, before anything is sent.
/// </summary>
internal static class RfbPasswordSource
{
    public const string Variable = "AMT_RFB_PASSWORD";

    public static RfbPassword Read(CliEnvironment environment, CancellationToken cancellationToken)
    {
        var text = environment.Variable(Variable);
        if (text is null)
        {
            if (!environment.InputIsTerminal)
            {
                throw new UsageException($"the RFB password is needed: set {Variable} (no terminal to ask at)");
            }

            text = environment.ReadSecret($"RFB password for port 5900 ({RfbPassword.Length} characters): ", cancellationToken);
            if (string.IsNullOrEmpty(text))
            {
                throw new UsageException("no RFB password entered");
            }
        }

        var problems = RfbPassword.Problems(text);
        return problems.Count == 0
            ? RfbPassword.Create(text)
            : throw new UsageException("the RFB password " + string.Join("; ", problems));
    }
}
