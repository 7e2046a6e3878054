namespace SharpAmt.Eoi;

/// <summary>An EOI operation: its service, its element name, and the SOAPAction header SOAP::Lite sends for it.</summary>
public sealed record EoiOperation(EoiService Service, string Name)
{
    /// <summary>The SOAPAction header value, quoted: <c>"&lt;namespace&gt;#&lt;Operation&gt;"</c>.</summary>
    public string SoapAction => $"\"{Service.Namespace}#{Name}\"";

    /// <summary>The element a reply carries.</summary>
    public string ResponseName => Name + "Response";

    public override string ToString() => Name;
}

/// <summary>Every operation SharpAMT sends or serves, by its wire name.</summary>
public static class EoiOperations
{
    public static EoiOperation GetCoreVersion { get; } = new(EoiServices.SecurityAdministration, "GetCoreVersion");

    public static EoiOperation GetHostName { get; } = new(EoiServices.NetworkAdministration, "GetHostName");

    public static EoiOperation SetHostName { get; } = new(EoiServices.NetworkAdministration, "SetHostName");

    public static EoiOperation GetDomainName { get; } = new(EoiServices.NetworkAdministration, "GetDomainName");

    public static EoiOperation SetDomainName { get; } = new(EoiServices.NetworkAdministration, "SetDomainName");

    public static EoiOperation EnumerateInterfaces { get; } = new(EoiServices.NetworkAdministration, "EnumerateInterfaces");

    public static EoiOperation GetInterfaceSettings { get; } = new(EoiServices.NetworkAdministration, "GetInterfaceSettings");

    public static EoiOperation SetInterfaceSettings { get; } = new(EoiServices.NetworkAdministration, "SetInterfaceSettings");

    public static EoiOperation GetPingResponse { get; } = new(EoiServices.NetworkAdministration, "GetPingResponse");

    public static EoiOperation SetPingResponse { get; } = new(EoiServices.NetworkAdministration, "SetPingResponse");

    public static EoiOperation GetVlanParameters { get; } = new(EoiServices.NetworkAdministration, "GetVlanParameters");

    public static EoiOperation SetVlanParameters { get; } = new(EoiServices.NetworkAdministration, "SetVlanParameters");

    public static EoiOperation GetSystemPowerState { get; } = new(EoiServices.RemoteControl, "GetSystemPowerState");

    public static EoiOperation GetRemoteControlCapabilities { get; } = new(EoiServices.RemoteControl, "GetRemoteControlCapabilities");

    public static EoiOperation RemoteControl { get; } = new(EoiServices.RemoteControl, "RemoteControl");

    public static IReadOnlyList<EoiOperation> All { get; } =
    [
        GetCoreVersion,
        GetHostName, SetHostName, GetDomainName, SetDomainName, EnumerateInterfaces, GetInterfaceSettings, SetInterfaceSettings,
        GetPingResponse, SetPingResponse, GetVlanParameters, SetVlanParameters,
        GetSystemPowerState, GetRemoteControlCapabilities, RemoteControl,
    ];

    /// <summary>The operation of that name in that service, or null.</summary>
    public static EoiOperation? Find(EoiService service, string name)
    {
        foreach (var operation in All)
        {
            if (operation.Service == service && string.Equals(operation.Name, name, StringComparison.Ordinal))
            {
                return operation;
            }
        }

        return null;
    }
}
