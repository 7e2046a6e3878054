using System.Net.Sockets;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Simulator;
using SharpAmt.Simulator.Fleet;

namespace SharpAmt.Cli.Commands.Sim;

internal static class FleetStarter
{
    /// <summary>Starts the fleet; an address or port already in use is a one-line failure with exit code 1.</summary>
    public static async Task<SimulatedFleet> StartAsync(FleetOptions options, Action<SimulatedDevice> onReady, CancellationToken cancellationToken)
    {
        try
        {
            return await SimulatedFleet.StartAsync(options, onReady, cancellationToken);
        }
        catch (InvalidOperationException exception) when (exception.InnerException is SocketException)
        {
            throw new CliException(exception.Message, ExitCodes.DeviceError, exception);
        }
    }

    public static string Summary(int count) => count == 1 ? "1 device ready" : $"{count} devices ready";

    /// <summary>Runs until Ctrl-C or SIGTERM; stopping that way is success.</summary>
    public static async Task WaitForStopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The way out.
        }
    }
}
