using System.Security.Cryptography;
using System.Text;
using SharpAmt.Redirection.Wire;
using SharpAmt.Redirection.Wire.Messages;
using SharpAmt.Transport.Digest;

namespace SharpAmt.Redirection.Device;

/// <summary>
/// The device side of 0x13/0x14 (reference section 6.3): the type 0 query, plain type 1 for Debian's amtterm
/// 1.4, and digest types 3 and 4 with the device's realm and its own nonces; any nc and cnonce are accepted.
/// </summary>
internal static class DeviceAuthenticator
{
    private const string Qop = "auth";

    /// <summary>True once a login succeeded; false when the client gave up, failed too often or broke the sequence.</summary>
    public static async Task<bool> AuthenticateAsync(RedirectionChannel channel, RedirectionDeviceOptions options, CancellationToken cancellationToken)
    {
        var failures = 0;
        // Bounded: every message either ends the loop or counts towards the failure limit or the message limit.
        for (var messages = 0; messages < 32 && failures < options.MaxLoginAttempts; messages++)
        {
            var frame = await RedirectionDeviceSession.ReadAsync(channel, options.LoginTimeout, cancellationToken).ConfigureAwait(false);
            if (frame is not { Type: RedirectionMessageType.AuthenticateSession } received)
            {
                return false;
            }

            var request = AuthenticationMessage.Read(received);
            var type = request.AuthenticationType;
            AuthenticationMessage reply;
            if (type == AuthenticationType.Query)
            {
                reply = AuthenticationMessage.Reply(AuthenticationStatus.Success, type, AuthenticationPayload.Methods(options.OfferedAuthentication));
            }
            else if (!options.OfferedAuthentication.Contains(type))
            {
                reply = AuthenticationMessage.Reply(AuthenticationStatus.NotSupported, type);
            }
            else if (type == AuthenticationType.Plain)
            {
                reply = Verdict(options, type, CheckPlain(options.Accounts, request.Payload), ref failures);
            }
            else if (DigestRequestPayload.TryParse(request.Payload) is { IsEmpty: true })
            {
                var challenge = new DigestChallengePayload(options.Accounts.Realm, options.Accounts.IssueNonce(), type == AuthenticationType.DigestWithQop ? Qop : "");
                reply = AuthenticationMessage.Reply(AuthenticationStatus.Failure, type, challenge.ToPayload());
            }
            else
            {
                reply = Verdict(options, type, CheckDigest(options.Accounts, type, request.Payload), ref failures);
            }

            await channel.SendAsync(reply, cancellationToken).ConfigureAwait(false);
            if (reply.Status == AuthenticationStatus.Success && type != AuthenticationType.Query)
            {
                return true;
            }
        }

        return false;
    }

    private static AuthenticationMessage Verdict(RedirectionDeviceOptions options, AuthenticationType type, string? user, ref int failures)
    {
        var accounts = options.Accounts;
        if (user is not null && !accounts.IsLockedOut)
        {
            accounts.RecordSuccess();
            return AuthenticationMessage.Reply(AuthenticationStatus.Success, type);
        }

        failures++;
        accounts.RecordFailure();
        options.Log?.Invoke($"redirection login refused ({type})");
        return AuthenticationMessage.Reply(AuthenticationStatus.Failure, type);
    }

    /// <summary>The user when the password matches; the device keeps only HA1, so the password is hashed the same way.</summary>
    private static string? CheckPlain(IRedirectionAccounts accounts, byte[] payload)
    {
        if (!AuthenticationPayload.TryParsePlain(payload, out var user, out var password) || accounts.FindHa1(user) is not { } stored)
        {
            return null;
        }

        return SameHex(stored, DigestHash.Ha1(user, accounts.Realm, password)) ? user : null;
    }

    private static string? CheckDigest(IRedirectionAccounts accounts, AuthenticationType type, byte[] payload)
    {
        if (DigestRequestPayload.TryParse(payload) is not { } request
            || accounts.FindHa1(request.User) is not { } ha1
            || request.Realm != accounts.Realm
            || !accounts.UseNonce(request.Nonce))
        {
            return null;
        }

        var qop = type == AuthenticationType.DigestWithQop ? request.Qop : null;
        if (type == AuthenticationType.DigestWithQop && qop != Qop)
        {
            return null;
        }

        var ha2 = DigestHash.Ha2(AuthenticationPayload.DigestMethod, request.Uri, null, default);
        var expected = DigestHash.Response(ha1, request.Nonce, qop, request.Nc, request.Cnonce, ha2);
        return SameHex(expected, request.Response) ? request.User : null;
    }

    private static bool SameHex(string expected, string presented) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(presented.ToLowerInvariant()));
}
