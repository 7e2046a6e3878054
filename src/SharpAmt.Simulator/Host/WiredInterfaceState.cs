using System.Net;
using SharpAmt.Eoi;

namespace SharpAmt.Simulator.Host;

/// <summary>
/// The ME's wired interface as both management APIs see it: EOI's InterfaceDescriptor (Get/SetInterfaceSettings)
/// and WS-Man's AMT_EthernetPortSettings are two views of this one state. Values are stored as given: real
/// firmware accepts addresses and masks it cannot make sense of (amttool sends some), and so does the simulator.
/// </summary>
public sealed class WiredInterfaceState
{
    public required IPAddress DhcpAddress { get; init; }

    /// <summary>True: the ME shares the host's MAC address (EOI SHARED_MAC_ADDRESS); false: it has its own.</summary>
    public bool SharedMac { get; set; } = true;

    public bool DhcpEnabled { get; set; } = true;

    /// <summary>AMT_EthernetPortSettings.SharedStaticIp: a static address shared with the host OS (AMT 6+).</summary>
    public bool SharedStaticIp { get; set; }

    /// <summary>Static address (meaningful while DHCP is off).</summary>
    public IPAddress StaticAddress { get; set; } = IPAddress.Any;

    public IPAddress SubnetMask { get; set; } = IPAddress.Parse("255.0.0.0");

    public IPAddress DefaultGateway { get; set; } = IPAddress.Parse("127.0.0.1");

    public IPAddress PrimaryDns { get; set; } = IPAddress.Parse("127.0.0.1");

    public IPAddress SecondaryDns { get; set; } = IPAddress.Any;

    /// <summary>LinkPolicy bits (<see cref="EoiLinkPolicy"/>): by default the link is up on AC power, on or off.</summary>
    public byte LinkPolicy { get; set; } = EoiLinkPolicy.S0AcPowered | EoiLinkPolicy.SxAcPowered;

    /// <summary>IpSyncEnabled (AMT 7+): the ME follows the host OS's static address.</summary>
    public bool IpSyncEnabled { get; set; } = true;

    /// <summary>802.1Q VLAN tag; 0 means untagged.</summary>
    public int VlanTag { get; set; }

    public bool LinkIsUp { get; set; } = true;

    /// <summary>The address the ME answers on now.</summary>
    public IPAddress CurrentAddress => DhcpEnabled ? DhcpAddress : StaticAddress;
}
