using System.Net.Sockets;
using SharpAmt.Cli.Infrastructure;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Gateway;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>
/// <c>--listen</c>: serves the KVM session to VNC viewers until Ctrl-C, printing where to point a viewer and each
/// loss and reconnection of the device's session. Returns how many reconnections there were.
/// </summary>
internal static class KvmGatewayRunner
{
    public static async Task<(int Reconnects, string Endpoint)> RunAsync(CommandContext context, KvmSession session, KvmConnector connector, KvmGatewayOptions options,
        CancellationToken cancellationToken)
    {
        var output = context.Output;
        var policy = KvmReconnectPolicy.Default with
        {
            // Consent refused or abandoned on the way back is the user's answer, not a fault to retry.
            IsFatal = static exception => KvmReconnectPolicy.Default.IsFatal(exception) || exception is AmtConsentException,
        };
        await using var screen = new KvmGatewayScreen(session, connector.OpenAsync, policy, gatewayEvent => output.Diagnostic(Describe(gatewayEvent)));
        KvmGateway gateway;
        try
        {
            gateway = KvmGateway.Start(screen, options);
        }
        catch (SocketException exception)
        {
            throw new CliException($"cannot listen on {options.Listen}: {exception.Message}", ExitCodes.DeviceError, exception);
        }

        await using (gateway)
        {
            var endpoint = gateway.Endpoint.ToString();
            if (!output.IsJson)
            {
                output.Line($"KVM gateway for {session.Endpoint} ({session.Size.Width}×{session.Size.Height}) listening on {endpoint}: point a VNC viewer at it"
                    + $" (vncviewer {gateway.Endpoint.Address}::{gateway.Endpoint.Port}); Ctrl-C stops");
            }

            try
            {
                await screen.Completion.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return (screen.Reconnects, endpoint);
            }
            catch (KvmGatewayClosedException closed)
            {
                throw new CliException($"{session.Endpoint}: the KVM session was lost and could not be reopened: {closed.InnerException?.Message}", ExitCodes.DeviceError, closed);
            }

            return (screen.Reconnects, endpoint);
        }
    }

    private static string Describe(KvmGatewayEvent gatewayEvent) => gatewayEvent.Kind switch
    {
        KvmGatewayEventKind.Lost => $"KVM session lost ({gatewayEvent.Message}); viewers keep the last picture while it reconnects",
        KvmGatewayEventKind.AttemptFailed => $"reconnection attempt {gatewayEvent.Attempt} failed: {gatewayEvent.Message}",
        KvmGatewayEventKind.Reconnected => $"reconnected: {gatewayEvent.Message}",
        _ => $"giving up: {gatewayEvent.Message}",
    };
}
