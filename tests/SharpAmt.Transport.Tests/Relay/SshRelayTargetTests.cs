using SharpAmt.Transport.Relay;
using Xunit;

namespace SharpAmt.Transport.Tests.Relay;

public sealed class SshRelayTargetTests
{
    [Theory]
    [InlineData("jump", null, "jump", null)]
    [InlineData("jump.lab.example", null, "jump.lab.example", null)]
    [InlineData("admin@jump", "admin", "jump", null)]
    [InlineData("admin@jump:2222", "admin", "jump", 2222)]
    [InlineData("jump:22", null, "jump", 22)]
    [InlineData("ops.team_1@10.1.2.3:65535", "ops.team_1", "10.1.2.3", 65535)]
    [InlineData("[2001:db8::1]:2222", null, "2001:db8::1", 2222)]
    [InlineData("root@[::1]", "root", "::1", null)]
    [InlineData("2001:db8::7", null, "2001:db8::7", null)]
    [InlineData("bastion-eu_2", null, "bastion-eu_2", null)]
    public void Relays_are_read_as_user_host_and_port(string text, string? user, string host, int? port)
    {
        Assert.True(SshRelayTarget.TryParse(text, out var target, out var error), error);

        Assert.Equal(user, target.User);
        Assert.Equal(host, target.Host);
        Assert.Equal(port, target.Port);
    }

    [Theory]
    [InlineData("jump")]
    [InlineData("admin@jump:2222")]
    [InlineData("[2001:db8::1]:2222")]
    [InlineData("root@[::1]")]
    public void A_relay_prints_as_written(string text) => Assert.Equal(text, SshRelayTarget.Parse(text).ToString());

    [Fact]
    public void A_bare_ipv6_address_prints_in_brackets() => Assert.Equal("[2001:db8::7]", SshRelayTarget.Parse("2001:db8::7").ToString());

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("jump host", "it contains a space or a control character")]
    [InlineData("jump\n", "it contains a space or a control character")]
    [InlineData("@jump", "the user name before '@' is empty")]
    [InlineData("a@b@jump", "'b@jump' is not a host name or address")]
    [InlineData("-oProxyCommand=touch", "'-oProxyCommand=touch' is not a host name or address")]
    [InlineData("-l@jump", "'-l' is not a user name")]
    [InlineData("admin@", "the relay host is empty")]
    [InlineData("jump:", "port '' is not a number from 1 to 65535")]
    [InlineData("jump:0", "port '0' is not a number from 1 to 65535")]
    [InlineData("jump:65536", "port '65536' is not a number from 1 to 65535")]
    [InlineData("jump:22x", "port '22x' is not a number from 1 to 65535")]
    [InlineData("jump:+22", "port '+22' is not a number from 1 to 65535")]
    [InlineData("[jump]:22", "'jump' in brackets is not an IPv6 address")]
    [InlineData("[::1", "'[' without ']'")]
    [InlineData("[::1]22", "unexpected '22' after ']'")]
    [InlineData("jump::22", "'jump::22' is neither a host name nor an IPv6 address (put IPv6 addresses with a port in brackets)")]
    [InlineData(".jump", "'.jump' is not a host name or address")]
    [InlineData("jump/x", "'jump/x' is not a host name or address")]
    [InlineData("jümp", "'jümp' is not a host name or address")]
    public void Malformed_relays_are_refused_with_the_reason(string text, string reason)
    {
        Assert.False(SshRelayTarget.TryParse(text, out var target, out var error));

        Assert.Null(target);
        Assert.Equal($"'{text}' is not a relay: {reason}; expected [user@]relay[:port]", error);
        Assert.Throws<FormatException>(() => SshRelayTarget.Parse(text));
    }

    [Fact]
    public void The_constructor_refuses_what_the_parser_refuses()
    {
        Assert.Throws<ArgumentException>(() => new SshRelayTarget("-oX", "jump", null));
        Assert.Throws<ArgumentException>(() => new SshRelayTarget(null, "-jump", null));
        Assert.Throws<ArgumentException>(() => new SshRelayTarget(null, "jump", 0));
    }

    [Fact]
    public void Equal_relays_are_equal() =>
        Assert.Equal(SshRelayTarget.Parse("admin@jump:2222"), new SshRelayTarget("admin", "jump", 2222));
}
