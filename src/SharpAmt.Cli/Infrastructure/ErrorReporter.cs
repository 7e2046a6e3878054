using SharpAmt.Cli.Output;
using SharpAmt.Transport;

namespace SharpAmt.Cli.Infrastructure;

/// <summary>
/// The one place that decides how a failure looks and what amt exits with: one line on stderr, the stack
/// trace only with --verbose. Library messages are already one line and free of secrets.
/// </summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, CliOutput output, bool verbose, bool cancelled)
    {
        var (message, exitCode) = exception switch
        {
            CliException cli => (cli.Message, cli.ExitCode),
            AmtException device => (device.Message + Hint(device), ExitCodes.DeviceError),
            ArgumentException argument => (WithoutParameterName(argument), ExitCodes.UsageError),
            OperationCanceledException when cancelled => ("interrupted", ExitCodes.Interrupted),
            _ => ($"unexpected error: {exception.GetType().Name}: {exception.Message}" + (verbose ? "" : "; run with --verbose for details"), ExitCodes.DeviceError),
        };
        output.Error(message);
        if (verbose)
        {
            output.Detail(exception.ToString());
        }

        return exitCode;
    }

    /// <summary>
    /// The one failure newcomers meet most: AMT 16.1 and later close the plain HTTP port, which looks exactly
    /// like AMT being off.
    /// </summary>
    private static string Hint(AmtException exception) =>
        exception is AmtConnectionException { Failure: ConnectionFailure.Refused } refused
        && (refused.Endpoint.EndsWith(":" + AmtConnectionOptions.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            || refused.Endpoint.EndsWith(":" + Redirection.Session.RedirectionClientOptions.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
            ? "; AMT 16.1 and later accept only TLS: try --tls"
            : "";

    /// <summary>ArgumentException appends "(Parameter 'x')", which means nothing to someone at the command line.</summary>
    private static string WithoutParameterName(ArgumentException exception) =>
        exception.ParamName is null ? exception.Message : exception.Message.Replace($" (Parameter '{exception.ParamName}')", "", StringComparison.Ordinal);
}
