using System.Net;
using SharpAmt.Eoi.Wire;

namespace SharpAmt.Eoi.Messages;

/// <summary>
/// The NetworkAdministration calls and replies, typed, for the client and the device alike. Request element names
/// are confirmed by amttool's own requests (InterfaceHandle, InterfaceDescriptor, InterfaceMode, LinkPolicy,
/// IPv4Parameters and its members). Reply names, and the ping and VLAN calls amttool does not make, follow the
/// Intel SDK's interface as remembered (unconfirmed here); amttool reads replies by position, not by name.
/// </summary>
public static class NetworkAdministrationMessages
{
    public const string HostName = "HostName";
    public const string DomainName = "DomainName";
    public const string InterfaceHandle = "InterfaceHandle";
    public const string InterfaceHandles = "InterfaceHandles";
    public const string InterfaceDescriptor = "InterfaceDescriptor";
    public const string HardwareAddressDescription = "HardwareAddressDescription";
    public const string MacAddress = "MACAddress";
    public const string InterfaceMode = "InterfaceMode";
    public const string LinkPolicy = "LinkPolicy";
    public const string DhcpEnabled = "DhcpEnabled";
    public const string Ipv4Parameters = "IPv4Parameters";
    public const string LocalAddress = "LocalAddress";
    public const string SubnetMask = "SubnetMask";
    public const string DefaultGatewayAddress = "DefaultGatewayAddress";
    public const string PrimaryDnsAddress = "PrimaryDnsAddress";
    public const string SecondaryDnsAddress = "SecondaryDnsAddress";
    public const string PingEnabled = "enabled";
    public const string VlanMode = "VlanMode";
    public const string VlanTag = "VLANTag";

    public static EoiRequest GetHostName() => new(EoiOperations.GetHostName);

    public static EoiResponse HostNameReply(string hostName) => new(EoiOperations.GetHostName, EoiElement.Leaf(HostName, hostName));

    public static string ReadHostName(EoiResponse response) => OutText(response, HostName);

    public static EoiRequest SetHostName(string hostName) => new(EoiOperations.SetHostName, [EoiElement.Leaf(HostName, hostName)]);

    public static string ReadSetHostName(EoiRequest request) => ArgumentText(request, HostName);

    public static EoiRequest GetDomainName() => new(EoiOperations.GetDomainName);

    public static EoiResponse DomainNameReply(string domainName) => new(EoiOperations.GetDomainName, EoiElement.Leaf(DomainName, domainName));

    public static string ReadDomainName(EoiResponse response) => OutText(response, DomainName);

    public static EoiRequest SetDomainName(string domainName) => new(EoiOperations.SetDomainName, [EoiElement.Leaf(DomainName, domainName)]);

    public static string ReadSetDomainName(EoiRequest request) => ArgumentText(request, DomainName);

    public static EoiRequest EnumerateInterfaces() => new(EoiOperations.EnumerateInterfaces);

    /// <summary>One <c>InterfaceHandles</c> element per interface; amttool takes them all as the out-parameters.</summary>
    public static EoiResponse InterfacesReply(IEnumerable<uint> handles) =>
        new(EoiOperations.EnumerateInterfaces, 0, handles.Select(handle => EoiValues.Leaf(InterfaceHandles, handle)).ToArray());

    public static IReadOnlyList<uint> ReadInterfaces(EoiResponse response) =>
        response.OutParameters.Where(parameter => parameter.Name == InterfaceHandles).Select(EoiValues.UInt32).ToArray();

    public static EoiRequest GetInterfaceSettings(uint handle) => new(EoiOperations.GetInterfaceSettings, [EoiValues.Leaf(InterfaceHandle, handle)]);

    public static uint ReadHandle(EoiRequest request) =>
        EoiValues.UInt32(EoiValues.Required(request.Arguments, InterfaceHandle, request.Operation.Name));

    /// <summary>The descriptor, members in the SDK's order; IPv4Parameters is the one member amttool reads by name.</summary>
    public static EoiResponse InterfaceSettingsReply(EoiInterfaceSettings settings)
    {
        var members = new List<EoiElement>
        {
            EoiElement.Leaf(HardwareAddressDescription, settings.HardwareAddressDescription),
            EoiElement.Leaf(MacAddress, settings.MacAddress),
            EoiElement.Leaf(InterfaceMode, EoiValues.Format(settings.Mode)),
            EoiValues.Leaf(LinkPolicy, settings.LinkPolicy),
            EoiValues.Leaf(DhcpEnabled, settings.DhcpEnabled),
        };
        if (settings.Ipv4 is { } ipv4)
        {
            members.Add(Ipv4(ipv4));
        }

        return new EoiResponse(EoiOperations.GetInterfaceSettings, EoiElement.Struct(InterfaceDescriptor, members));
    }

    public static EoiInterfaceSettings ReadInterfaceSettings(EoiResponse response)
    {
        var context = response.Operation.ResponseName;
        var descriptor = EoiValues.Required(response.OutParameters, InterfaceDescriptor, context).Children;
        return new EoiInterfaceSettings(
            EoiValues.Find(descriptor, HardwareAddressDescription) is { } description ? EoiValues.Text(description) : "",
            EoiValues.Find(descriptor, MacAddress) is { } mac ? EoiValues.Text(mac) : "",
            EoiValues.InterfaceMode(EoiValues.Required(descriptor, InterfaceMode, context)),
            EoiValues.Byte(EoiValues.Required(descriptor, LinkPolicy, context)),
            EoiValues.Boolean(EoiValues.Required(descriptor, DhcpEnabled, context)),
            EoiValues.Find(descriptor, Ipv4Parameters) is { } ipv4 ? ReadIpv4(ipv4) : null);
    }

    public static EoiRequest SetInterfaceSettings(uint handle, EoiInterfaceChange change)
    {
        var members = new List<EoiElement>
        {
            EoiElement.Leaf(InterfaceMode, EoiValues.Format(change.Mode)),
            EoiValues.Leaf(LinkPolicy, change.LinkPolicy),
        };
        if (change.Ipv4 is { } ipv4)
        {
            members.Add(Ipv4(ipv4));
        }

        return new EoiRequest(EoiOperations.SetInterfaceSettings, [EoiValues.Leaf(InterfaceHandle, handle), EoiElement.Struct(InterfaceDescriptor, members)]);
    }

    public static (uint Handle, EoiInterfaceChange Change) ReadSetInterfaceSettings(EoiRequest request)
    {
        var context = request.Operation.Name;
        var descriptor = EoiValues.Required(request.Arguments, InterfaceDescriptor, context).Children;
        var change = new EoiInterfaceChange(
            EoiValues.InterfaceMode(EoiValues.Required(descriptor, InterfaceMode, context)),
            EoiValues.Byte(EoiValues.Required(descriptor, LinkPolicy, context)),
            EoiValues.Find(descriptor, Ipv4Parameters) is { } ipv4 ? ReadIpv4(ipv4) : null);
        return (ReadHandle(request), change);
    }

    public static EoiRequest GetPingResponse() => new(EoiOperations.GetPingResponse);

    public static EoiResponse PingResponseReply(bool enabled) => new(EoiOperations.GetPingResponse, EoiValues.Leaf(PingEnabled, enabled));

    public static bool ReadPingResponse(EoiResponse response) =>
        EoiValues.Boolean(EoiValues.Required(response.OutParameters, PingEnabled, response.Operation.ResponseName));

    public static EoiRequest SetPingResponse(bool enabled) => new(EoiOperations.SetPingResponse, [EoiValues.Leaf(PingEnabled, enabled)]);

    public static bool ReadSetPingResponse(EoiRequest request) =>
        EoiValues.Boolean(EoiValues.Required(request.Arguments, PingEnabled, request.Operation.Name));

    public static EoiRequest GetVlanParameters(uint handle) => new(EoiOperations.GetVlanParameters, [EoiValues.Leaf(InterfaceHandle, handle)]);

    /// <summary>The handle of a VLAN call; the SDK made it optional, meaning the wired interface (0).</summary>
    public static uint ReadVlanHandle(EoiRequest request) =>
        EoiValues.Find(request.Arguments, InterfaceHandle) is { } handle ? EoiValues.UInt32(handle) : 0;

    public static EoiResponse VlanReply(EoiVlanSettings settings) =>
        new(EoiOperations.GetVlanParameters, EoiValues.Leaf(VlanMode, settings.Enabled), EoiValues.Leaf(VlanTag, settings.Tag));

    public static EoiVlanSettings ReadVlan(EoiResponse response)
    {
        var context = response.Operation.ResponseName;
        return new EoiVlanSettings(
            EoiValues.Boolean(EoiValues.Required(response.OutParameters, VlanMode, context)),
            EoiValues.UInt16(EoiValues.Required(response.OutParameters, VlanTag, context)));
    }

    public static EoiRequest SetVlanParameters(uint handle, EoiVlanSettings settings) =>
        new(EoiOperations.SetVlanParameters,
        [
            EoiValues.Leaf(InterfaceHandle, handle),
            EoiValues.Leaf(VlanMode, settings.Enabled),
            EoiValues.Leaf(VlanTag, settings.Tag),
        ]);

    public static (uint Handle, EoiVlanSettings Settings) ReadSetVlanParameters(EoiRequest request)
    {
        var context = request.Operation.Name;
        var enabled = EoiValues.Boolean(EoiValues.Required(request.Arguments, VlanMode, context));
        var tag = EoiValues.Find(request.Arguments, VlanTag) is { } given ? EoiValues.UInt16(given) : (ushort)0;
        return (ReadVlanHandle(request), new EoiVlanSettings(enabled, tag));
    }

    private static EoiElement Ipv4(EoiIpv4Parameters ipv4) => EoiElement.Struct(Ipv4Parameters,
    [
        EoiValues.Leaf(LocalAddress, ipv4.LocalAddress),
        EoiValues.Leaf(SubnetMask, ipv4.SubnetMask),
        EoiValues.Leaf(DefaultGatewayAddress, ipv4.DefaultGateway),
        EoiValues.Leaf(PrimaryDnsAddress, ipv4.PrimaryDns),
        EoiValues.Leaf(SecondaryDnsAddress, ipv4.SecondaryDns),
    ]);

    private static EoiIpv4Parameters ReadIpv4(EoiElement ipv4)
    {
        var members = ipv4.Children;
        return new EoiIpv4Parameters(
            Address(members, LocalAddress),
            Address(members, SubnetMask),
            Address(members, DefaultGatewayAddress),
            Address(members, PrimaryDnsAddress),
            Address(members, SecondaryDnsAddress));
    }

    /// <summary>A member that is absent reads as 0.0.0.0: amttool always sends all five, other clients may not.</summary>
    private static IPAddress Address(IReadOnlyList<EoiElement> members, string name) =>
        EoiValues.Find(members, name) is { } member ? EoiValues.Address(member) : IPAddress.Any;

    private static string OutText(EoiResponse response, string name) =>
        EoiValues.Text(EoiValues.Required(response.OutParameters, name, response.Operation.ResponseName));

    private static string ArgumentText(EoiRequest request, string name) =>
        EoiValues.Text(EoiValues.Required(request.Arguments, name, request.Operation.Name));
}
