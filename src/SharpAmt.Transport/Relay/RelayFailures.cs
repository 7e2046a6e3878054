namespace SharpAmt.Transport.Relay;

/// <summary>
/// What a device that could not be reached through a relay looks like to callers: the same
/// <see cref="AmtConnectionException"/> failures as a direct connection (so retries and hints work alike),
/// or an <see cref="AmtRelayException"/> when the relay itself will not forward.
/// </summary>
internal static class RelayFailures
{
    public static AmtException FromReply(string endpoint, SshRelayTarget relay, Socks5Reply reply) => reply switch
    {
        Socks5Reply.ConnectionRefused => Failed(endpoint, relay, ConnectionFailure.Refused, null),
        Socks5Reply.NetworkUnreachable or Socks5Reply.HostUnreachable or Socks5Reply.GeneralFailure
            => Failed(endpoint, relay, ConnectionFailure.Unreachable, null),
        Socks5Reply.TtlExpired => Failed(endpoint, relay, ConnectionFailure.TimedOut, null),
        Socks5Reply.NotAllowedByRuleset => NotAllowed(endpoint, relay),
        _ => new AmtRelayException(relay.ToString(), $"ssh relay {relay}: its SOCKS proxy cannot connect to {endpoint} (reply {(byte)reply})"),
    };

    /// <summary>ssh dropped the SOCKS request; <paramref name="reason"/> is what it logged, such as "connect failed: Connection refused".</summary>
    public static AmtException FromOpenFailure(string endpoint, SshRelayTarget relay, string? reason, Exception? innerException)
    {
        if (reason is null)
        {
            return Failed(endpoint, relay, ConnectionFailure.Unreachable, "the relay could not open a connection", innerException);
        }

        if (reason.Contains("administratively prohibited", StringComparison.OrdinalIgnoreCase))
        {
            return NotAllowed(endpoint, relay);
        }

        var cause = reason.StartsWith("connect failed: ", StringComparison.OrdinalIgnoreCase) ? reason["connect failed: ".Length..] : reason;
        var failure = Classify(cause);
        return Failed(endpoint, relay, failure, failure == ConnectionFailure.Unreachable ? $"the relay could not connect: {cause}" : null, innerException);
    }

    public static AmtConnectionException TimedOut(string endpoint, SshRelayTarget relay, TimeSpan timeout, Exception innerException) =>
        new(endpoint, ConnectionFailure.TimedOut,
            $"{endpoint}: no answer to the connection attempt within {Net.Endpoints.Seconds(timeout)}, through ssh relay {relay}", innerException);

    private static ConnectionFailure Classify(string cause)
    {
        bool Says(string text) => cause.Contains(text, StringComparison.OrdinalIgnoreCase);
        return Says("refused") ? ConnectionFailure.Refused
            : Says("timed out") ? ConnectionFailure.TimedOut
            : Says("not known") || Says("name resolution") || Says("no address associated") || Says("servname") ? ConnectionFailure.NameNotResolved
            : ConnectionFailure.Unreachable;
    }

    private static AmtConnectionException Failed(string endpoint, SshRelayTarget relay, ConnectionFailure failure, string? text, Exception? innerException = null)
    {
        text ??= failure switch
        {
            ConnectionFailure.Refused => "connection refused (is AMT enabled and listening?)",
            ConnectionFailure.NameNotResolved => "host name not found by the relay",
            ConnectionFailure.TimedOut => "connection timed out",
            _ => "host unreachable",
        };
        return new AmtConnectionException(endpoint, failure, $"{endpoint}: {text}, through ssh relay {relay}", innerException);
    }

    private static AmtRelayException NotAllowed(string endpoint, SshRelayTarget relay) =>
        new(relay.ToString(), $"ssh relay {relay}: the relay does not allow forwarding to {endpoint} (see AllowTcpForwarding and PermitOpen in its sshd_config)");
}
