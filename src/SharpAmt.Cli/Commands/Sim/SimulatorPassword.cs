using SharpAmt.Cli.Configuration;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Simulator;

namespace SharpAmt.Cli.Commands.Sim;

/// <summary>The simulated devices' password: asked for with --password, else AMT_PASSWORD, else the documented default.</summary>
internal static class SimulatorPassword
{
    public sealed record Choice(string Password, bool IsDefault);

    public static Choice Resolve(CliEnvironment environment, bool ask, CancellationToken cancellationToken)
    {
        if (ask)
        {
            // Without a terminal the password comes as one line on stdin, so scripts can pipe it in.
            var typed = environment.InputIsTerminal
                ? environment.ReadSecret("password for the simulated devices: ", cancellationToken)
                : environment.In.ReadLine();
            return typed is { Length: > 0 } ? new Choice(typed, false) : throw new UsageException("no password entered");
        }

        return environment.Variable(PasswordSources.Variable) is { } fromEnvironment
            ? new Choice(fromEnvironment, false)
            : new Choice(SimulatedDeviceOptions.DefaultPassword, true);
    }

    /// <summary>Shown once at start, and only for the well-known default, so a newcomer can log in.</summary>
    public static string DefaultNotice => $"password: {SimulatedDeviceOptions.DefaultPassword} (default; set {PasswordSources.Variable} to choose another)";
}
