using System.Net;

namespace SharpAmt.Eoi;

/// <summary>InterfaceMode: whether the ME has its own MAC address or shares the host's.</summary>
public enum EoiInterfaceMode
{
    /// <summary><c>SEPARATE_MAC_ADDRESS</c>: the ME's own MAC, which amttool pairs with a static address.</summary>
    SeparateMacAddress,

    /// <summary><c>SHARED_MAC_ADDRESS</c>: the host's MAC; amttool pairs it with DHCP.</summary>
    SharedMacAddress,
}

/// <summary>
/// IPv4Parameters. Each address travels as a uint32 in decimal, network order (3232235876 = 192.168.1.100). Any
/// value is carried as given, masks that are not contiguous included: amttool computes some addresses wrongly and
/// real firmware took them.
/// </summary>
public sealed record EoiIpv4Parameters(IPAddress LocalAddress, IPAddress SubnetMask, IPAddress DefaultGateway, IPAddress PrimaryDns, IPAddress SecondaryDns);

/// <summary>What GetInterfaceSettings reports (InterfaceDescriptor).</summary>
public sealed record EoiInterfaceSettings(
    string HardwareAddressDescription,
    string MacAddress,
    EoiInterfaceMode Mode,
    byte LinkPolicy,
    bool DhcpEnabled,
    EoiIpv4Parameters? Ipv4);

/// <summary>
/// What SetInterfaceSettings sends (InterfaceDescriptor): with <see cref="Ipv4"/> the ME takes that static
/// configuration, without it DHCP.
/// </summary>
public sealed record EoiInterfaceChange(EoiInterfaceMode Mode, byte LinkPolicy, EoiIpv4Parameters? Ipv4);

/// <summary>VLAN settings of an interface; a tag of 0 with <see cref="Enabled"/> false means untagged.</summary>
public sealed record EoiVlanSettings(bool Enabled, ushort Tag);

/// <summary>
/// LinkPolicy bits (a byte): when the ME keeps the link up. WS-Man's AMT_EthernetPortSettings.LinkPolicy lists
/// the same four group values as array elements, so both APIs take them from here.
/// </summary>
public static class EoiLinkPolicy
{
    public const byte S0AcPowered = 0x01;
    public const byte SxAcPowered = 0x0E;
    public const byte S0DcPowered = 0x10;
    public const byte SxDcPowered = 0xE0;

    public static IReadOnlyList<byte> Groups { get; } = [S0AcPowered, SxAcPowered, S0DcPowered, SxDcPowered];
}
