using System.Net;
using SharpAmt.Network;
using Xunit;

namespace SharpAmt.Tests;

/// <summary>
/// The IPv6 helpers behind the manual IPv6 settings: ParseStrict takes RFC 4291 text only (IPAddress.Parse also
/// takes IPv4 text, zones, brackets and ports), and Problem says which addresses cannot serve as what.
/// </summary>
public sealed class Ipv6Tests
{
    [Theory]
    [InlineData("2001:db8::5", "2001:db8::5")]
    [InlineData("::", "::")]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("fe80::1", "fe80::1")]
    [InlineData("::ffff:192.0.2.1", "::ffff:192.0.2.1")]
    public void Rfc_4291_text_parses(string text, string canonical)
    {
        Assert.Equal(canonical, Ipv6.ParseStrict(text)?.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(":")]
    [InlineData("192.0.2.1")]
    [InlineData("fe80::1%eth0")]
    [InlineData("fe80::1%2")]
    [InlineData("[2001:db8::1]")]
    [InlineData("[2001:db8::1]:80")]
    [InlineData("2001:db8::/64")]
    [InlineData("2001:db8:::1")]
    [InlineData("2001:db8::g")]
    [InlineData(" 2001:db8::1")]
    [InlineData("1:2:3:4:5:6:7:8:9")]
    public void Anything_else_is_refused(string text)
    {
        Assert.Null(Ipv6.ParseStrict(text));
    }

    [Theory]
    [InlineData("2001:db8::5", false, null)]
    [InlineData("fd00::5", false, null)]
    [InlineData("::", false, null)]
    [InlineData("fe80::1", true, null)]
    [InlineData("fe80::1", false, "is a link-local address, which the ME forms itself")]
    [InlineData("ff02::1", true, "is a multicast address")]
    [InlineData("::1", true, "is the loopback address")]
    [InlineData("::ffff:192.0.2.1", true, "is an IPv4-mapped address")]
    [InlineData("192.0.2.1", true, "is not an IPv6 address")]
    public void Problem_names_what_an_address_cannot_be(string text, bool linkLocalAllowed, string? problem)
    {
        Assert.Equal(problem, Ipv6.Problem(IPAddress.Parse(text), linkLocalAllowed));
    }
}
