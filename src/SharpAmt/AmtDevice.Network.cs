using System.Net;
using SharpAmt.Network;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt;

public sealed partial class AmtDevice
{
    private const string WiredInstanceSuffix = " 0";

    /// <summary>AMT's network settings: names, the wired interface, responses and, where offered, IP sync, VLAN and IPv6.</summary>
    public async Task<NetworkSettings> GetNetworkSettingsAsync(CancellationToken cancellationToken = default)
    {
        if (await GetProtocolAsync(cancellationToken).ConfigureAwait(false) == ManagementProtocol.Eoi)
        {
            return await EoiGetNetworkSettingsAsync(cancellationToken).ConfigureAwait(false);
        }

        var general = await WsMan.GetAsync(AmtClassNames.GeneralSettings, cancellationToken: cancellationToken).ConfigureAwait(false);
        var wired = await GetWiredPortAsync(cancellationToken).ConfigureAwait(false);
        var ipv6 = await GetWiredIpv6AssociationAsync(cancellationToken).ConfigureAwait(false);
        var ipv6Settings = ipv6 is null ? null : await GetWiredIpv6SettingsAsync(cancellationToken).ConfigureAwait(false);
        return FromWsMan(general, wired, Ipv6Enabled(ipv6)) with
        {
            Ipv6Address = ipv6Settings is null ? null : Ipv6Property(ipv6Settings, "IPv6Address"),
            Ipv6Router = ipv6Settings is null ? null : Ipv6Property(ipv6Settings, "DefaultRouter"),
            Ipv6PrimaryDns = ipv6Settings is null ? null : Ipv6Property(ipv6Settings, "PrimaryDNS"),
            Ipv6SecondaryDns = ipv6Settings is null ? null : Ipv6Property(ipv6Settings, "SecondaryDNS"),
        };
    }

    /// <summary>
    /// Changes network settings. Everything is checked before the first change is sent (values, what this device
    /// and protocol offer, and whether the change would cut the path to the device); names and responses go
    /// first, then IPv6, the interface last, because an interface change may end this connection.
    /// </summary>
    public async Task<NetworkChangeResult> SetNetworkSettingsAsync(NetworkChange change, CancellationToken cancellationToken = default)
    {
        var protocol = await GetProtocolAsync(cancellationToken).ConfigureAwait(false);
        var before = await GetNetworkSettingsAsync(cancellationToken).ConfigureAwait(false);
        var hostIsOn = change.LinkPolicy is null || (await GetPowerStatusAsync(cancellationToken).ConfigureAwait(false)).State == AmtPowerState.On;
        // What the device cannot do at all is said first: asking for --force, then refusing anyway, helps nobody.
        RequireOffered(before, change, protocol);
        NetworkChangeRules.Check(before, change, ConnectedAddress, hostIsOn);
        var expected = Expected(before, change);
        if (protocol == ManagementProtocol.Eoi)
        {
            await EoiSetNetworkSettingsAsync(before, change, expected, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await WsManSetNetworkSettingsAsync(change, cancellationToken).ConfigureAwait(false);
        }

        var movedTo = MovedTo(before, expected);
        if (movedTo is not null)
        {
            // The device now answers elsewhere; this connection cannot read the result back.
            await WsMan.Http.CloseConnectionAsync(cancellationToken).ConfigureAwait(false);
            return movedTo.Equals(DhcpAssigned)
                ? new NetworkChangeResult(before, expected with { Address = null }, false, "an address from DHCP")
                : new NetworkChangeResult(before, expected, false, movedTo.ToString());
        }

        var after = await GetNetworkSettingsAsync(cancellationToken).ConfigureAwait(false);
        return new NetworkChangeResult(before, after, true, null);
    }

    /// <summary>The address this connection reaches the device at, when the host was given as an address.</summary>
    private IPAddress? ConnectedAddress => IPAddress.TryParse(WsMan.Http.Host, out var address) ? address : null;

    /// <summary>Stands for "wherever the DHCP server puts it" when a static device turns DHCP on.</summary>
    private static readonly IPAddress DhcpAssigned = IPAddress.None;

    private IPAddress? MovedTo(NetworkSettings before, NetworkSettings expected)
    {
        var connected = ConnectedAddress;
        if (connected is null || expected.DhcpEnabled && before.DhcpEnabled)
        {
            return null;
        }

        if (expected.DhcpEnabled && connected.Equals(before.Address))
        {
            return DhcpAssigned;
        }

        if (!expected.DhcpEnabled && expected.Address is { } address && !address.Equals(connected))
        {
            return address;
        }

        return null;
    }

    private void RequireOffered(NetworkSettings current, NetworkChange change, ManagementProtocol protocol)
    {
        void Unavailable(string what, string why) =>
            throw new AmtFeatureUnavailableException($"{Endpoint}: {what} {why}; nothing was changed");

        var over = protocol == ManagementProtocol.Eoi ? "over EOI (AMT 2.5–8)" : "over WS-Management";
        if (change.SharedFqdn is not null && current.SharedFqdn is null)
        {
            Unavailable("shared FQDN", $"is not offered {over}");
        }

        if (change.DynamicDns is not null && current.DynamicDns is null)
        {
            Unavailable("dynamic DNS", $"is not offered {over}");
        }

        if (change.RmcpPingResponse is not null && current.RmcpPingResponse is null)
        {
            Unavailable("RMCP ping response", $"is not offered {over}");
        }

        if (change.PingResponse is not null && current.PingResponse is null)
        {
            Unavailable("ping response", $"is not offered {over}");
        }

        if (change.IpSync is not null && current.IpSync is null)
        {
            Unavailable("IP sync", protocol == ManagementProtocol.Eoi ? $"is not offered {over}" : "needs AMT 7 or later");
        }

        if (change.Ipv6Enabled is not null && current.Ipv6Enabled is null)
        {
            Unavailable("IPv6", protocol == ManagementProtocol.Eoi ? $"is not offered {over}" : "is not offered by this device (it needs AMT 6 or later)");
        }

        if (change.ChangesIpv6Addresses && current.Ipv6Address is null)
        {
            Unavailable("manual IPv6 addresses", protocol == ManagementProtocol.Eoi ? $"are not offered {over}" : "are not offered by this device (they need AMT 6 or later)");
        }

        // The WS-Man path reads a VLAN tag the device reports but has no way to send one.
        if (change.VlanTag is not null && (current.VlanTag is null || protocol != ManagementProtocol.Eoi))
        {
            Unavailable("VLAN tagging", $"is not offered {over}; set it in MEBx");
        }

        if (protocol == ManagementProtocol.Eoi && Expected(current, change).DhcpEnabled
            && (change.Gateway ?? change.PrimaryDns ?? change.SecondaryDns) is not null)
        {
            Unavailable("gateway and DNS servers", "come from DHCP while DHCP is on over EOI; give them with a static address");
        }

        // WS-Man lists the groups that keep the link; a Put with an empty list leaves the policy as it was.
        if (change.LinkPolicy == LinkPolicy.None && protocol != ManagementProtocol.Eoi)
        {
            Unavailable("link policy none", $"is not offered {over}; keep at least one group");
        }

        if (change.SharedMac is not null && protocol != ManagementProtocol.Eoi && change.SharedMac != current.SharedMac)
        {
            Unavailable("MAC sharing", "is fixed by the platform on WS-Management firmware (use --address shared|dedicated for the address)");
        }

        if (change.SharedStaticIp is not null && current.SharedStaticIp is null)
        {
            Unavailable("address sharing", $"is not offered {over} (use --mac shared|dedicated)");
        }
    }

    /// <summary>The settings as they will be once the change applies, for the checks and for when they cannot be read back.</summary>
    private static NetworkSettings Expected(NetworkSettings before, NetworkChange change)
    {
        var staticValuesGiven = change.Address is not null || change.SubnetMask is not null || change.Gateway is not null;
        var dhcp = change.Dhcp ?? (!staticValuesGiven && before.DhcpEnabled);
        return before with
        {
            HostName = change.HostName ?? before.HostName,
            DomainName = change.DomainName ?? before.DomainName,
            SharedFqdn = change.SharedFqdn ?? before.SharedFqdn,
            DynamicDns = change.DynamicDns ?? before.DynamicDns,
            PingResponse = change.PingResponse ?? before.PingResponse,
            RmcpPingResponse = change.RmcpPingResponse ?? before.RmcpPingResponse,
            SharedMac = change.SharedMac ?? before.SharedMac,
            SharedStaticIp = change.SharedStaticIp ?? before.SharedStaticIp,
            DhcpEnabled = dhcp,
            Address = dhcp ? (before.DhcpEnabled ? before.Address : null) : change.Address ?? before.Address,
            SubnetMask = change.SubnetMask ?? before.SubnetMask,
            Gateway = change.Gateway ?? before.Gateway,
            PrimaryDns = change.PrimaryDns ?? before.PrimaryDns,
            SecondaryDns = change.SecondaryDns ?? before.SecondaryDns,
            LinkPolicy = change.LinkPolicy ?? before.LinkPolicy,
            IpSync = change.IpSync ?? before.IpSync,
            VlanTag = change.VlanTag ?? before.VlanTag,
            Ipv6Enabled = change.Ipv6Enabled ?? before.Ipv6Enabled,
            Ipv6Address = change.Ipv6Address ?? before.Ipv6Address,
            Ipv6Router = change.Ipv6Router ?? before.Ipv6Router,
            Ipv6PrimaryDns = change.Ipv6PrimaryDns ?? before.Ipv6PrimaryDns,
            Ipv6SecondaryDns = change.Ipv6SecondaryDns ?? before.Ipv6SecondaryDns,
        };
    }

    private async Task WsManSetNetworkSettingsAsync(NetworkChange change, CancellationToken cancellationToken)
    {
        WsManObject? originalGeneral = null;
        if (change.ChangesGeneral)
        {
            originalGeneral = await WsMan.GetAsync(AmtClassNames.GeneralSettings, cancellationToken: cancellationToken).ConfigureAwait(false);
            var general = originalGeneral;
            general = Set(general, "HostName", change.HostName);
            general = Set(general, "DomainName", change.DomainName);
            general = Set(general, "SharedFQDN", change.SharedFqdn);
            general = Set(general, "DDNSUpdateEnabled", change.DynamicDns);
            general = Set(general, "PingResponseEnabled", change.PingResponse);
            general = Set(general, "RmcpPingResponseEnabled", change.RmcpPingResponse);
            await WsMan.PutAsync(general, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        WsManObject? originalIpv6 = null;
        WsManObject? originalIpv6Settings = null;
        try
        {
            // As MeshCommander orders it: the manual addresses, then whether IPv6 is on.
            if (change.ChangesIpv6Addresses)
            {
                originalIpv6Settings = await PutIpv6AddressesAsync(change, cancellationToken).ConfigureAwait(false);
            }

            if (change.Ipv6Enabled is { } ipv6)
            {
                originalIpv6 = await PutIpv6Async(ipv6, cancellationToken).ConfigureAwait(false);
            }

            if (!change.ChangesInterface)
            {
                return;
            }

            var wired = await GetWiredPortAsync(cancellationToken).ConfigureAwait(false);
            var staticValuesGiven = change.Address is not null || change.SubnetMask is not null || change.Gateway is not null;
            var dhcp = change.Dhcp ?? (staticValuesGiven ? false : wired.GetBoolean("DHCPEnabled"));
            var port = wired;
            port = Set(port, "DHCPEnabled", dhcp);
            port = Set(port, "IPAddress", change.Address?.ToString());
            port = Set(port, "SubnetMask", change.SubnetMask?.ToString());
            port = Set(port, "DefaultGateway", change.Gateway?.ToString());
            port = Set(port, "PrimaryDNS", change.PrimaryDns?.ToString());
            port = Set(port, "SecondaryDNS", change.SecondaryDns?.ToString());
            port = Set(port, "SharedStaticIp", change.SharedStaticIp);
            port = Set(port, "IpSyncEnabled", change.IpSync);
            if (change.LinkPolicy is { } policy)
            {
                port = port.With("LinkPolicy", LinkPolicyNames.WsManValues(policy).Select(value => value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (dhcp == true)
            {
                // With DHCP on, the firmware owns the address: a stale static one in the Put is refused by some versions.
                port = port.Without("IPAddress");
            }

            var selectors = SelectorSet.Of(("InstanceID", wired.GetRequiredString("InstanceID")));
            await WsMan.PutAsync(port, selectors, cancellationToken).ConfigureAwait(false);
        }
        catch (Transport.AmtException) when (originalGeneral is not null || originalIpv6 is not null || originalIpv6Settings is not null)
        {
            // Nothing half-applied: IPv6, the names and the responses go back as they were, in reverse order.
            if (originalIpv6 is not null)
            {
                await PutIpv6AssociationAsync(originalIpv6, CancellationToken.None).ConfigureAwait(false);
            }

            if (originalIpv6Settings is not null)
            {
                await WsMan.PutAsync(originalIpv6Settings, Ipv6SettingsSelector, CancellationToken.None).ConfigureAwait(false);
            }

            if (originalGeneral is not null)
            {
                await WsMan.PutAsync(originalGeneral, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }
    }

    private async Task<WsManObject> GetWiredPortAsync(CancellationToken cancellationToken)
    {
        var ports = await WsMan.EnumerateObjectsAsync(AmtClassNames.EthernetPortSettings, cancellationToken).ConfigureAwait(false);
        return ports.FirstOrDefault(port => port.GetString("InstanceID")?.EndsWith(WiredInstanceSuffix, StringComparison.Ordinal) == true)
            ?? ports.FirstOrDefault(port => port.GetString("PhysicalConnectionType") is null or "0")
            ?? throw new AmtFeatureUnavailableException($"{Endpoint}: the device reports no wired interface");
    }

    private NetworkSettings FromWsMan(WsManObject general, WsManObject wired, bool? ipv6Enabled)
    {
        IPAddress? Address(string name) => wired.GetString(name) is { } text && Ipv4.ParseStrict(text.Trim()) is { } address ? address : null;
        var policy = wired.GetInt64s("LinkPolicy").Aggregate(LinkPolicy.None, (all, value) => all | (LinkPolicy)value);
        var vlan = wired.GetInt32("VLANTag");
        return new NetworkSettings
        {
            Protocol = ManagementProtocol.WsMan,
            HostName = general.GetString("HostName") ?? "",
            DomainName = general.GetString("DomainName") ?? "",
            SharedFqdn = general.GetBoolean("SharedFQDN"),
            DynamicDns = general.GetBoolean("DDNSUpdateEnabled"),
            PingResponse = general.GetBoolean("PingResponseEnabled"),
            RmcpPingResponse = general.GetBoolean("RmcpPingResponseEnabled"),
            MacAddress = wired.GetString("MACAddress") ?? "",
            SharedMac = wired.GetBoolean("SharedMAC") ?? true,
            SharedStaticIp = wired.GetBoolean("SharedStaticIp"),
            DhcpEnabled = wired.GetBoolean("DHCPEnabled") ?? true,
            Address = Address("IPAddress") ?? (wired.GetBoolean("DHCPEnabled") == false ? null : ConnectedAddress),
            SubnetMask = Address("SubnetMask"),
            Gateway = Address("DefaultGateway"),
            PrimaryDns = Address("PrimaryDNS"),
            SecondaryDns = Address("SecondaryDNS"),
            LinkPolicy = policy,
            LinkUp = wired.GetBoolean("LinkIsUp"),
            IpSync = wired.GetBoolean("IpSyncEnabled"),
            VlanTag = vlan is > 0 ? vlan : null,
            Ipv6Enabled = ipv6Enabled,
        };
    }

    private static WsManObject Set(WsManObject instance, string name, string? value) => value is null ? instance : instance.With(name, value);

    private static WsManObject Set(WsManObject instance, string name, bool? value) => value is null ? instance : instance.With(name, value.Value);
}
