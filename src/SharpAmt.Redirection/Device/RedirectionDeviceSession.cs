using SharpAmt.Redirection.Wire;
using SharpAmt.Redirection.Wire.Messages;
using SharpAmt.Transport;

namespace SharpAmt.Redirection.Device;

/// <summary>
/// The device end of one redirection connection, from accept to close: start (0x10/0x11), login (0x13/0x14),
/// then the feature. Everything a client may do wrong ends this connection only; the finally block always
/// closes the transport, which also releases the feature (a SOL console becomes free again).
/// </summary>
public static class RedirectionDeviceSession
{
    /// <param name="endpoint">Names the connection in log lines (the device's address and port).</param>
    public static async Task ServeAsync(Stream stream, string endpoint, RedirectionDeviceOptions options, CancellationToken cancellationToken)
    {
        var channel = new RedirectionChannel(stream, endpoint, RedirectionFrameTable.Session) { GapAfter = options.GapAfter };
        await using (channel.ConfigureAwait(false))
        {
            try
            {
                var feature = await StartAsync(channel, options, cancellationToken).ConfigureAwait(false);
                if (feature is null || !await DeviceAuthenticator.AuthenticateAsync(channel, options, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                await feature.RunAsync(channel, cancellationToken).ConfigureAwait(false);
            }
            catch (AmtProtocolException exception)
            {
                options.Log?.Invoke($"redirection connection on {endpoint} closed: {exception.Message}");
            }
            catch (Exception exception) when (exception is AmtConnectionException or OperationCanceledException)
            {
                // The client went away or the device is stopping: abrupt close is the normal end (reference 6.7).
            }
        }
    }

    private static async Task<IRedirectionDeviceFeature?> StartAsync(RedirectionChannel channel, RedirectionDeviceOptions options, CancellationToken cancellationToken)
    {
        var frame = await ReadAsync(channel, options.LoginTimeout, cancellationToken).ConfigureAwait(false);
        if (frame is not { Type: RedirectionMessageType.StartRedirectionSession } start)
        {
            return null;
        }

        var request = StartRedirectionSession.Read(start);
        IRedirectionDeviceFeature? feature = null;
        var status = request.SessionType is not { } type ? RedirectionStatus.TypeUnknown
            : !options.Features.TryGetValue(type, out feature) ? RedirectionStatus.Unsupported
            : feature.CanStart();
        await channel.SendAsync(new StartRedirectionSessionReply(status, options.FirmwareMajor, options.FirmwareMinor), cancellationToken).ConfigureAwait(false);
        return status == RedirectionStatus.Success ? feature : null;
    }

    /// <summary>The next message within <paramref name="timeout"/>; null when the client closed or went silent.</summary>
    internal static async Task<RedirectionFrame?> ReadAsync(RedirectionChannel channel, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await channel.ReadAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
