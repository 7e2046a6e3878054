using System.Security.Cryptography;
using SharpAmt.Redirection.Wire;
using SharpAmt.Redirection.Wire.Messages;
using SharpAmt.Transport;
using SharpAmt.Transport.Digest;

namespace SharpAmt.Redirection.Session;

/// <summary>
/// The client side of 0x13/0x14 (reference section 6.3). Like MeshCommander it asks first (type 0) and prefers
/// digest with qop (4) with a random 32-hex cnonce and nc 00000002, then digest (3); plain (1) is used when
/// asked for, as Debian's amtterm 1.4 does, or when it is all the device offers.
/// </summary>
internal static class ClientAuthenticator
{
    private const string FixedNc = "00000002";
    private const string Qop = "auth";

    public static async Task<AuthenticationType> AuthenticateAsync(RedirectionChannel channel, RedirectionClientOptions options, CancellationToken cancellationToken)
    {
        if (options.Authentication == RedirectionAuthentication.Plain)
        {
            await PlainAsync(channel, options, cancellationToken).ConfigureAwait(false);
            return AuthenticationType.Plain;
        }

        await channel.SendAsync(AuthenticationMessage.Request(AuthenticationType.Query, []), cancellationToken).ConfigureAwait(false);
        var reply = await ReadAsync(channel, options, "authentication types (0x14)", cancellationToken).ConfigureAwait(false);
        var offered = reply.Status == AuthenticationStatus.Success ? AuthenticationPayload.ParseMethods(reply.Payload) : [];
        if (offered.Contains(AuthenticationType.DigestWithQop))
        {
            await DigestAsync(channel, options, AuthenticationType.DigestWithQop, cancellationToken).ConfigureAwait(false);
            return AuthenticationType.DigestWithQop;
        }

        if (offered.Contains(AuthenticationType.Digest))
        {
            await DigestAsync(channel, options, AuthenticationType.Digest, cancellationToken).ConfigureAwait(false);
            return AuthenticationType.Digest;
        }

        if (offered.Contains(AuthenticationType.Plain) && options.Authentication == RedirectionAuthentication.Auto)
        {
            await PlainAsync(channel, options, cancellationToken).ConfigureAwait(false);
            return AuthenticationType.Plain;
        }

        throw new AmtCommandException(
            $"{channel.Endpoint}: the device offers no redirection authentication this client uses (offered: {(offered.Count == 0 ? "none" : string.Join(", ", offered))})");
    }

    private static async Task PlainAsync(RedirectionChannel channel, RedirectionClientOptions options, CancellationToken cancellationToken)
    {
        var credentials = options.Credentials;
        await channel.SendAsync(AuthenticationMessage.Request(AuthenticationType.Plain, AuthenticationPayload.Plain(credentials.User, credentials.Password)), cancellationToken)
            .ConfigureAwait(false);
        var reply = await ReadAsync(channel, options, "authentication result (0x14)", cancellationToken).ConfigureAwait(false);
        CheckResult(channel, options, reply);
    }

    private static async Task DigestAsync(RedirectionChannel channel, RedirectionClientOptions options, AuthenticationType type, CancellationToken cancellationToken)
    {
        var credentials = options.Credentials;
        var withQop = type == AuthenticationType.DigestWithQop;
        await channel.SendAsync(AuthenticationMessage.Request(type, DigestRequestPayload.Empty(credentials.User, withQop).ToPayload()), cancellationToken).ConfigureAwait(false);
        var challengeReply = await ReadAsync(channel, options, "digest challenge (0x14)", cancellationToken).ConfigureAwait(false);
        if (challengeReply.Status != AuthenticationStatus.Failure || challengeReply.AuthenticationType != type
            || DigestChallengePayload.TryParse(challengeReply.Payload) is not { } challenge || challenge.Nonce.Length == 0)
        {
            throw new AmtProtocolException(ProtocolViolation.MalformedChallenge, "redirection digest challenge", channel.Endpoint);
        }

        var ha1 = DigestHash.Ha1(credentials.User, challenge.Realm, credentials.Password);
        var ha2 = DigestHash.Ha2(AuthenticationPayload.DigestMethod, AuthenticationPayload.DigestUri, null, default);
        var cnonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var qop = withQop ? (challenge.Qop.Length > 0 ? challenge.Qop : Qop) : null;
        var response = DigestHash.Response(ha1, challenge.Nonce, qop, FixedNc, cnonce, ha2);
        var request = new DigestRequestPayload(credentials.User, challenge.Realm, challenge.Nonce, AuthenticationPayload.DigestUri, cnonce, FixedNc, response, qop);
        await channel.SendAsync(AuthenticationMessage.Request(type, request.ToPayload()), cancellationToken).ConfigureAwait(false);
        var result = await ReadAsync(channel, options, "authentication result (0x14)", cancellationToken).ConfigureAwait(false);
        CheckResult(channel, options, result);
    }

    private static void CheckResult(RedirectionChannel channel, RedirectionClientOptions options, AuthenticationMessage reply)
    {
        switch (reply.Status)
        {
            case AuthenticationStatus.Success:
                return;
            case AuthenticationStatus.NotSupported:
                throw new AmtCommandException($"{channel.Endpoint}: the device does not support {reply.AuthenticationType} authentication for redirection");
            default:
                throw new AmtAuthenticationException(channel.Endpoint, options.Credentials.User,
                    $"{channel.Endpoint}: redirection login refused for user {options.Credentials.User} (wrong user or password, or the account is locked out)");
        }
    }

    private static async Task<AuthenticationMessage> ReadAsync(RedirectionChannel channel, RedirectionClientOptions options, string waitingFor, CancellationToken cancellationToken)
    {
        var frame = await RedirectionSession.ReadReplyAsync(channel, waitingFor, options.ReplyTimeout, cancellationToken).ConfigureAwait(false);
        return frame.Type == RedirectionMessageType.AuthenticateSessionReply
            ? AuthenticationMessage.Read(frame)
            : throw RedirectionClient.Unexpected(channel, frame, waitingFor);
    }
}
