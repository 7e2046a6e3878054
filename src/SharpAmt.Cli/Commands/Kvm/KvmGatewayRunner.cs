using SharpAmt.Cli.Infrastructure;
using SharpAmt.Cli.Output;
using SharpAmt.Redirection.Kvm.Client;
using SharpAmt.Redirection.Kvm.Gateway;

namespace SharpAmt.Cli.Commands.Kvm;

/// <summary>
/// <c>--listen</c> and <c>--listen-websocket</c>: serves the KVM session to VNC viewers and noVNC until Ctrl-C, printing
/// where to point each and every loss and reconnection of the device's session.
/// </summary>
internal static class KvmGatewayRunner
{
    /// <summary>Where the gateway listened (the TCP endpoint, the noVNC URL) and how many reconnections there were.</summary>
    public sealed record Served(int Reconnects, string? Endpoint, string? WebSocketUrl);

    public static async Task<Served> RunAsync(CommandContext context, KvmSession session, KvmConnector connector, KvmGatewayOptions options,
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
        catch (KvmGatewayListenException exception)
        {
            throw new CliException(exception.Message, ExitCodes.DeviceError, exception);
        }

        await using (gateway)
        {
            var served = () => new Served(screen.Reconnects, gateway.Endpoint?.ToString(), gateway.WebSocketUrl);
            if (!output.IsJson)
            {
                SayWhere(output, gateway, $"KVM gateway for {session.Endpoint} ({session.Size.Width}×{session.Size.Height})");
            }

            try
            {
                await screen.Completion.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return served();
            }
            catch (KvmGatewayClosedException closed)
            {
                throw new CliException($"{session.Endpoint}: the KVM session was lost and could not be reopened: {closed.InnerException?.Message}", ExitCodes.DeviceError, closed);
            }

            return served();
        }
    }

    /// <summary>One line per endpoint, with what to point at it; the last says how to stop.</summary>
    private static void SayWhere(CliOutput output, KvmGateway gateway, string what)
    {
        var lines = new List<string>(2);
        if (gateway.Endpoint is { } tcp)
        {
            lines.Add($"{what} listening on {tcp}: point a VNC viewer at it (vncviewer {tcp.Address}::{tcp.Port})");
        }

        if (gateway.WebSocketEndpoint is { } webSocket)
        {
            lines.Add($"{what} listening for WebSocket viewers on {webSocket}: noVNC: {gateway.WebSocketUrl}");
        }

        lines[^1] += "; Ctrl-C stops";
        lines.ForEach(output.Line);
    }

    private static string Describe(KvmGatewayEvent gatewayEvent) => gatewayEvent.Kind switch
    {
        KvmGatewayEventKind.Lost => $"KVM session lost ({gatewayEvent.Message}); viewers keep the last picture while it reconnects",
        KvmGatewayEventKind.AttemptFailed => $"reconnection attempt {gatewayEvent.Attempt} failed: {gatewayEvent.Message}",
        KvmGatewayEventKind.Reconnected => $"reconnected: {gatewayEvent.Message}",
        _ => $"giving up: {gatewayEvent.Message}",
    };
}
