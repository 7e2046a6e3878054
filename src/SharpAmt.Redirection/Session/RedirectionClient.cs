using SharpAmt.Redirection.Wire;
using SharpAmt.Redirection.Wire.Messages;
using SharpAmt.Transport;
using SharpAmt.Transport.Net;
using SharpAmt.Transport.Tls;

namespace SharpAmt.Redirection.Session;

/// <summary>
/// Opens redirection connections: dial (through the configured dialer, so SSH relays work), TLS on 16995,
/// start the session type (0x10/0x11), authenticate (0x13/0x14). Features continue from the returned session.
/// </summary>
public static class RedirectionClient
{
    public static async Task<RedirectionSession> ConnectAsync(RedirectionClientOptions options, RedirectionSessionType type, CancellationToken cancellationToken = default)
    {
        var dialer = options.Dialer ?? DirectDialer.Instance;
        var stream = await dialer.ConnectAsync(options.Host, options.EffectivePort, options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            if (options.UseTls)
            {
                var tls = options.Tls ?? new TlsClientOptions { Mode = TlsTrustMode.PinOnFirstUse, Store = new InMemoryTrustStore() };
                stream = await TlsClientConnector.AuthenticateAsync(stream, options.Host, options.EffectivePort, tls, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return await ConnectAsync(stream, options, type, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the session start and authentication over a stream that is already connected (and TLS-wrapped if wanted).</summary>
    public static async Task<RedirectionSession> ConnectAsync(Stream stream, RedirectionClientOptions options, RedirectionSessionType type, CancellationToken cancellationToken = default)
    {
        var channel = new RedirectionChannel(stream, options.Endpoint, RedirectionFrameTable.Session);
        try
        {
            await channel.SendAsync(StartRedirectionSession.For(type), cancellationToken).ConfigureAwait(false);
            var frame = await RedirectionSession.ReadReplyAsync(channel, "start reply (0x11)", options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
            var reply = frame.Type == RedirectionMessageType.StartRedirectionSessionReply
                ? StartRedirectionSessionReply.Read(frame)
                : throw Unexpected(channel, frame, "the start reply (0x11)");
            if (reply.Status != RedirectionStatus.Success)
            {
                throw new RedirectionRefusedException(channel.Endpoint, type, reply.Status);
            }

            var used = await ClientAuthenticator.AuthenticateAsync(channel, options, cancellationToken).ConfigureAwait(false);
            return new RedirectionSession(channel, type, used, reply.FirmwareMajor, reply.FirmwareMinor, options.ReplyTimeout);
        }
        catch
        {
            await channel.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal static AmtProtocolException Unexpected(RedirectionChannel channel, RedirectionFrame frame, string expected) =>
        new(ProtocolViolation.UnexpectedRedirectionMessage, $"0x{(byte)frame.Type:X2} where {expected} was expected", channel.Endpoint);
}
