using System.Net;
using System.Net.Sockets;

namespace SharpAmt.Network;

/// <summary>IPv6 addresses as AMT's manual IPv6 settings take them; "::" stands for none.</summary>
public static class Ipv6
{
    /// <summary>"::", which AMT and MeshCommander use for an address that is not set.</summary>
    public static IPAddress None { get; } = IPAddress.IPv6None;

    public static bool IsNone(IPAddress address) => address.Equals(None);

    /// <summary>
    /// Parses RFC 4291 text strictly: hex groups, colons and an optional dotted tail only, so no zone ("%eth0"),
    /// brackets, prefix length or bare IPv4 address (IPAddress.Parse takes all of those).
    /// </summary>
    public static IPAddress? ParseStrict(string text)
    {
        if (text.Length is < 2 or > 45 || !text.Contains(':', StringComparison.Ordinal) || !text.All(c => char.IsAsciiHexDigit(c) || c is ':' or '.'))
        {
            return null;
        }

        return IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId == 0 ? address : null;
    }

    /// <summary>Why <paramref name="address"/> cannot be a manual address, router or DNS server; null when it can.</summary>
    /// <param name="linkLocalAllowed">Routers are often link-local; the manual address never is (the ME forms its own).</param>
    public static string? Problem(IPAddress address, bool linkLocalAllowed)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || address.ScopeId != 0)
        {
            return "is not an IPv6 address";
        }

        if (IsNone(address))
        {
            return null;
        }

        return address.IsIPv6Multicast ? "is a multicast address"
            : IPAddress.IsLoopback(address) ? "is the loopback address"
            : address.IsIPv4MappedToIPv6 ? "is an IPv4-mapped address"
            : address.IsIPv6LinkLocal && !linkLocalAllowed ? "is a link-local address, which the ME forms itself"
            : null;
    }
}
