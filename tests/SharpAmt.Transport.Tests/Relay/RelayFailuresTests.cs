using SharpAmt.Transport.Relay;
using Xunit;

namespace SharpAmt.Transport.Tests.Relay;

/// <summary>What ssh says about a forwarded connection it could not open, read as the failures of a direct connection.</summary>
public sealed class RelayFailuresTests
{
    private static readonly SshRelayTarget Relay = SshRelayTarget.Parse("ops@jump:2222");

    [Theory]
    [InlineData("connect failed: Connection refused", ConnectionFailure.Refused, "10.0.0.5:16992: connection refused (is AMT enabled and listening?), through ssh relay ops@jump:2222")]
    [InlineData("connect failed: Connection timed out", ConnectionFailure.TimedOut, "10.0.0.5:16992: connection timed out, through ssh relay ops@jump:2222")]
    [InlineData("connect failed: Name or service not known", ConnectionFailure.NameNotResolved, "10.0.0.5:16992: host name not found by the relay, through ssh relay ops@jump:2222")]
    [InlineData("connect failed: Temporary failure in name resolution", ConnectionFailure.NameNotResolved, "10.0.0.5:16992: host name not found by the relay, through ssh relay ops@jump:2222")]
    [InlineData("connect failed: No route to host", ConnectionFailure.Unreachable, "10.0.0.5:16992: the relay could not connect: No route to host, through ssh relay ops@jump:2222")]
    [InlineData("connect failed: Network is unreachable", ConnectionFailure.Unreachable, "10.0.0.5:16992: the relay could not connect: Network is unreachable, through ssh relay ops@jump:2222")]
    public void Open_failures_keep_the_kind_of_a_direct_failure(string reason, ConnectionFailure failure, string message)
    {
        var error = Assert.IsType<AmtConnectionException>(RelayFailures.FromOpenFailure("10.0.0.5:16992", Relay, reason, null));

        Assert.Equal(failure, error.Failure);
        Assert.Equal("10.0.0.5:16992", error.Endpoint);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Without_a_reason_the_device_counts_as_unreachable()
    {
        var error = Assert.IsType<AmtConnectionException>(RelayFailures.FromOpenFailure("10.0.0.5:16992", Relay, null, null));

        Assert.Equal(ConnectionFailure.Unreachable, error.Failure);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public void A_relay_that_forbids_forwarding_is_a_relay_failure()
    {
        var error = Assert.IsType<AmtRelayException>(RelayFailures.FromOpenFailure("10.0.0.5:16992", Relay, "administratively prohibited: open failed", null));

        Assert.Equal("ssh relay ops@jump:2222: the relay does not allow forwarding to 10.0.0.5:16992 (see AllowTcpForwarding and PermitOpen in its sshd_config)", error.Message);
    }

    [Theory]
    [InlineData(Socks5Reply.ConnectionRefused, ConnectionFailure.Refused)]
    [InlineData(Socks5Reply.HostUnreachable, ConnectionFailure.Unreachable)]
    [InlineData(Socks5Reply.NetworkUnreachable, ConnectionFailure.Unreachable)]
    [InlineData(Socks5Reply.GeneralFailure, ConnectionFailure.Unreachable)]
    [InlineData(Socks5Reply.TtlExpired, ConnectionFailure.TimedOut)]
    public void Socks_reply_codes_are_connection_failures(Socks5Reply reply, ConnectionFailure failure) =>
        Assert.Equal(failure, Assert.IsType<AmtConnectionException>(RelayFailures.FromReply("10.0.0.5:16993", Relay, reply)).Failure);

    [Theory]
    [InlineData(Socks5Reply.NotAllowedByRuleset)]
    [InlineData(Socks5Reply.CommandNotSupported)]
    [InlineData(Socks5Reply.AddressTypeNotSupported)]
    public void Socks_replies_about_the_proxy_itself_are_relay_failures(Socks5Reply reply) =>
        Assert.Equal("ops@jump:2222", Assert.IsType<AmtRelayException>(RelayFailures.FromReply("10.0.0.5:16993", Relay, reply)).Relay);

    [Theory]
    [InlineData("ssh: connect to host 10.1.1.1 port 2222: Connection refused", "Connection refused")]
    [InlineData("ops@jump: Permission denied (publickey).", "Permission denied (publickey).")]
    [InlineData("ssh: Could not resolve hostname jump: Name or service not known", "Could not resolve hostname jump: Name or service not known")]
    [InlineData("Host key verification failed.\r", "Host key verification failed.")]
    public void Ssh_last_words_lose_what_the_relay_name_already_says(string line, string reason) =>
        Assert.Equal(reason, SshMessages.Reason(line));

    [Theory]
    [InlineData("Could not request local forwarding.\r", true)]
    [InlineData("bind [127.0.0.1]:40000: Address already in use", true)]
    [InlineData("Permission denied (publickey).", false)]
    public void A_socks_port_taken_by_another_program_is_recognised(string line, bool taken) =>
        Assert.Equal(taken, SshMessages.IsPortTaken(line));

    [Theory]
    [InlineData("channel 3: open failed: connect failed: Connection refused", true, "connect failed: Connection refused")]
    [InlineData("channel 12: open failed: administratively prohibited: open failed", true, "administratively prohibited: open failed")]
    [InlineData("Warning: Permanently added '[jump]:2222' (ED25519) to the list of known hosts.", false, "")]
    public void Failed_forwarded_connections_are_recognised_in_ssh_output(string line, bool recognised, string reason)
    {
        Assert.Equal(recognised, SshMessages.TryReadOpenFailure(line, out var read));
        Assert.Equal(reason, read);
    }
}
