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
        var text = SecretInput.Read(environment, Variable, $"RFB password for port 5900 ({RfbPassword.Length} characters): ", "the RFB password is needed", cancellationToken);
        var problems = RfbPassword.Problems(text);
        return problems.Count == 0
            ? RfbPassword.Create(text)
            : throw new UsageException("the RFB password " + string.Join("; ", problems));
    }
}
