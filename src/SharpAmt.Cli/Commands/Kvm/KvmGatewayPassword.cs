using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>The password VNC viewers give the gateway: AMT_VNC_PASSWORD, else a prompt without echo; never the command line.</summary>
internal static class KvmGatewayPassword
{
    public const string Variable = "AMT_VNC_PASSWORD";

    public static string Read(CliEnvironment environment, CancellationToken cancellationToken)
    {
        var text = environment.Variable(Variable);
        if (text is null)
        {
            if (!environment.InputIsTerminal)
            {
                throw new UsageException($"--vnc-password: set {Variable} (no terminal to ask at)");
            }

            text = environment.ReadSecret("VNC password for viewers of the gateway (first 8 characters count): ", cancellationToken);
        }

        return string.IsNullOrEmpty(text) ? throw new UsageException("no VNC password entered") : text;
    }
}
