using SharpAmt.Redirection.Wire;
using SharpAmt.Transport;
using SharpAmt.Transport.Net;

namespace SharpAmt.Redirection.Session;

/// <summary>
/// A started and authenticated redirection connection, ready for its feature (SOL, IDE-R, KVM) to take over
/// the channel. Disposing it closes the connection abruptly; features offer an orderly close of their own.
/// </summary>
public sealed class RedirectionSession : IAsyncDisposable
{
    internal RedirectionSession(RedirectionChannel channel, RedirectionSessionType type, AuthenticationType authentication, byte firmwareMajor, byte firmwareMinor, TimeSpan replyTimeout)
    {
        Channel = channel;
        Type = type;
        Authentication = authentication;
        FirmwareMajor = firmwareMajor;
        FirmwareMinor = firmwareMinor;
        ReplyTimeout = replyTimeout;
    }

    public RedirectionChannel Channel { get; }

    public string Endpoint => Channel.Endpoint;

    public RedirectionSessionType Type { get; }

    /// <summary>The authentication type that succeeded.</summary>
    public AuthenticationType Authentication { get; }

    /// <summary>Firmware version from the start reply (bytes 6–7; their meaning is unconfirmed on real AMT).</summary>
    public byte FirmwareMajor { get; }

    public byte FirmwareMinor { get; }

    public TimeSpan ReplyTimeout { get; }

    /// <summary>The next message, waiting at most <see cref="ReplyTimeout"/>; the connection closing is an error here.</summary>
    public Task<RedirectionFrame> ReadReplyAsync(string waitingFor, CancellationToken cancellationToken) =>
        ReadReplyAsync(Channel, waitingFor, ReplyTimeout, cancellationToken);

    internal static async Task<RedirectionFrame> ReadReplyAsync(RedirectionChannel channel, string waitingFor, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            return await channel.ReadAsync(limit.Token).ConfigureAwait(false)
                ?? throw new AmtConnectionException(channel.Endpoint, ConnectionFailure.ClosedBeforeReply,
                    $"{channel.Endpoint}: the device closed the redirection connection instead of sending {waitingFor}")
                {
                    NoReplyOnFreshConnection = !channel.HasReceived,
                };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new AmtConnectionException(channel.Endpoint, ConnectionFailure.TimedOut,
                $"{channel.Endpoint}: no {waitingFor} within {Endpoints.Seconds(timeout)}");
        }
    }

    public ValueTask DisposeAsync() => Channel.DisposeAsync();
}
