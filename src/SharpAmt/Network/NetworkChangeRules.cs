using System.Net;

namespace SharpAmt.Network;

/// <summary>
/// Checks a network change against the current settings before anything is sent: values that cannot be right,
/// and changes that would cut the only path to the device unless the caller says <see cref="NetworkChange.Force"/>.
/// </summary>
public static class NetworkChangeRules
{
    private static readonly IPAddress None = IPAddress.Any;

    /// <summary>Throws <see cref="InvalidNetworkSettingException"/> for the first problem found.</summary>
    /// <param name="connectedTo">The address this connection reaches the device at, when it is an address.</param>
    /// <param name="hostIsOn">Whether the host is powered (which link-policy group keeps the link now).</param>
    public static void Check(NetworkSettings current, NetworkChange change, IPAddress? connectedTo, bool hostIsOn)
    {
        CheckNames(change);
        if (change.VlanTag is { } tag && tag is < 0 or > 4094)
        {
            Fail($"VLAN tag {tag} is outside 1–4094 (0 turns tagging off)");
        }

        var staticValuesGiven = change.Address is not null || change.SubnetMask is not null || change.Gateway is not null;
        if (change.Dhcp == true && staticValuesGiven)
        {
            Fail("a static address, mask or gateway cannot be combined with DHCP on");
        }

        var dhcp = change.Dhcp ?? (!staticValuesGiven && current.DhcpEnabled);
        if (!dhcp)
        {
            CheckStatic(current, change);
        }

        CheckDns("DNS 1", change.PrimaryDns);
        CheckDns("DNS 2", change.SecondaryDns);
        CheckIpv6("IPv6 address", change.Ipv6Address, linkLocalAllowed: false);
        CheckIpv6("IPv6 router", change.Ipv6Router, linkLocalAllowed: true);
        CheckIpv6("IPv6 DNS 1", change.Ipv6PrimaryDns, linkLocalAllowed: false);
        CheckIpv6("IPv6 DNS 2", change.Ipv6SecondaryDns, linkLocalAllowed: false);
        if (change.LinkPolicy is { } policy)
        {
            var needed = hostIsOn ? LinkPolicy.S0Ac : LinkPolicy.SxAc;
            if (!change.Force && policy == LinkPolicy.None)
            {
                Fail("link policy none leaves the ME without a network link in every power state; add --force if that is intended");
            }

            if (!change.Force && !policy.HasFlag(needed))
            {
                Fail($"link policy {LinkPolicyNames.Of(policy)} drops the link while the host is {(hostIsOn ? "on (S0, AC)" : "off or asleep (Sx, AC)")}, cutting this connection; add --force if that is intended");
            }
        }

        CheckPath(current, change, dhcp, connectedTo);
    }

    private static void CheckStatic(NetworkSettings current, NetworkChange change)
    {
        var keepsStatic = !current.DhcpEnabled;
        var address = change.Address ?? (keepsStatic ? current.Address : null);
        var mask = change.SubnetMask ?? (keepsStatic ? current.SubnetMask : null);
        if (address is null || mask is null)
        {
            Fail("turning DHCP off needs a static address and a mask (--ip A.B.C.D/NN or --ip and --mask)");
        }

        if (!Ipv4.IsContiguousMask(mask) || Ipv4.PrefixLength(mask) > 30)
        {
            Fail($"subnet mask {mask} is not a contiguous mask of /1 to /30");
        }

        var value = Ipv4.ToUInt32(address);
        var bits = Ipv4.ToUInt32(mask);
        if (!IsUnicast(address))
        {
            Fail($"{address} is not a unicast address a device can use");
        }

        if ((value & ~bits) == 0 || (value | bits) == uint.MaxValue)
        {
            Fail($"{address} is the {((value & ~bits) == 0 ? "network" : "broadcast")} address of {Ipv4.FromUInt32(value & bits)}/{Ipv4.PrefixLength(mask)}");
        }

        // A gateway not given stays as the device has it, the one DHCP gave included: it is sent along, so it is checked too.
        var gateway = change.Gateway ?? current.Gateway;
        if (gateway is not null && !gateway.Equals(None))
        {
            var kept = change.Gateway is null ? "; it is the current gateway, kept unless another is given (0.0.0.0 for none)" : "";
            var subnet = $"{Ipv4.FromUInt32(value & bits)}/{Ipv4.PrefixLength(mask)}";
            if (!Ipv4.SameSubnet(gateway, address, mask))
            {
                Fail($"gateway {gateway} is outside the subnet {subnet}{kept}");
            }

            if (gateway.Equals(address))
            {
                Fail($"gateway {gateway} is the device's own address{kept}");
            }

            var host = Ipv4.ToUInt32(gateway);
            if ((host & ~bits) == 0 || (host | bits) == uint.MaxValue)
            {
                Fail($"gateway {gateway} is the {((host & ~bits) == 0 ? "network" : "broadcast")} address of {subnet}{kept}");
            }
        }
    }

    private static void CheckPath(NetworkSettings current, NetworkChange change, bool dhcp, IPAddress? connectedTo)
    {
        if (change.Force || connectedTo is null)
        {
            return;
        }

        var reachedByCurrentAddress = current.Address is not null && current.Address.Equals(connectedTo);
        if (dhcp && !current.DhcpEnabled && reachedByCurrentAddress)
        {
            Fail($"turning DHCP on gives the ME an address nobody knows yet, and this connection to {connectedTo} would be lost; add --force if that is intended");
        }

        if (!dhcp && change.Address is { } address && !address.Equals(connectedTo) && (reachedByCurrentAddress || current.DhcpEnabled))
        {
            Fail($"this moves the ME from {connectedTo} to {address} and cuts this connection; add --force, then reach the device at {address}");
        }
    }

    private static void CheckDns(string what, IPAddress? address)
    {
        if (address is not null && !address.Equals(None) && !IsUnicast(address))
        {
            Fail($"{what} {address} is not a unicast address");
        }
    }

    private static void CheckIpv6(string what, IPAddress? address, bool linkLocalAllowed)
    {
        if (address is not null && Ipv6.Problem(address, linkLocalAllowed) is { } problem)
        {
            Fail($"{what} {address} {problem}");
        }
    }

    private static bool IsUnicast(IPAddress address)
    {
        var first = address.GetAddressBytes()[0];
        return !address.Equals(None) && first is not 0 and < 224;
    }

    private static void CheckNames(NetworkChange change)
    {
        if (change.HostName is { } host && !IsLabel(host))
        {
            Fail($"host name '{host}' must be 1–63 letters, digits or hyphens, not starting or ending with a hyphen");
        }

        if (change.DomainName is { } domain && domain.Length > 0
            && (domain.Length > 253 || !domain.TrimEnd('.').Split('.').All(IsLabel)))
        {
            Fail($"domain name '{domain}' must be dot-separated labels of letters, digits and hyphens, at most 253 characters");
        }
    }

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-' && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string message) => throw new InvalidNetworkSettingException(message);
}
