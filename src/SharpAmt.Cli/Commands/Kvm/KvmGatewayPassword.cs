using SharpAmt.Cli.Infrastructure;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>The password VNC viewers give the gateway: AMT_VNC_PASSWORD, else a prompt without echo; never the command line.</summary>
internal static class KvmGatewayPassword
{
    public const string Variable = "AMT_VNC_PASSWORD";

    public static string Read(CliEnvironment environment, CancellationToken cancellationToken) =>
        SecretInput.Read(environment, Variable, "VNC password for viewers of the gateway (first 8 characters count): ", "--vnc-password", cancellationToken);
}
