using SharpAmt.Eoi.Device;

namespace SharpAmt.Eoi.Tests.Support;

/// <summary>An EOI service that answers fixed values, records every call, and can be told to refuse.</summary>
internal sealed class RecordingEoiService : IEoiService
{
    public List<string> Calls { get; } = [];

    public uint? Refuse { get; set; }

    public static EoiInterfaceSettings Settings { get; } = new("nic", "00-11-22-33-44-55", EoiInterfaceMode.SharedMacAddress, 15, true, null);

    public static EoiRemoteControlCapabilities Capabilities { get; } = new(343, 31, 7936, 15, 0);

    public ValueTask<string> GetCoreVersionAsync(CancellationToken cancellationToken) => Answer("GetCoreVersion", "5.2.70");

    public ValueTask<string> GetHostNameAsync(CancellationToken cancellationToken) => Answer("GetHostName", "pc");

    public ValueTask SetHostNameAsync(string hostName, CancellationToken cancellationToken) => Act($"SetHostName {hostName}");

    public ValueTask<string> GetDomainNameAsync(CancellationToken cancellationToken) => Answer("GetDomainName", "lan");

    public ValueTask SetDomainNameAsync(string domainName, CancellationToken cancellationToken) => Act($"SetDomainName {domainName}");

    public ValueTask<IReadOnlyList<uint>> EnumerateInterfacesAsync(CancellationToken cancellationToken) => Answer<IReadOnlyList<uint>>("EnumerateInterfaces", [0]);

    public ValueTask<EoiInterfaceSettings> GetInterfaceSettingsAsync(uint interfaceHandle, CancellationToken cancellationToken) =>
        Answer($"GetInterfaceSettings {interfaceHandle}", Settings);

    public ValueTask SetInterfaceSettingsAsync(uint interfaceHandle, EoiInterfaceChange change, CancellationToken cancellationToken) =>
        Act($"SetInterfaceSettings {interfaceHandle} {change.Mode} {change.LinkPolicy} {change.Ipv4?.LocalAddress}");

    public ValueTask<bool> GetPingResponseAsync(CancellationToken cancellationToken) => Answer("GetPingResponse", true);

    public ValueTask SetPingResponseAsync(bool enabled, CancellationToken cancellationToken) => Act($"SetPingResponse {enabled}");

    public ValueTask<EoiVlanSettings> GetVlanParametersAsync(uint interfaceHandle, CancellationToken cancellationToken) =>
        Answer($"GetVlanParameters {interfaceHandle}", new EoiVlanSettings(true, 7));

    public ValueTask SetVlanParametersAsync(uint interfaceHandle, EoiVlanSettings settings, CancellationToken cancellationToken) =>
        Act($"SetVlanParameters {interfaceHandle} {settings.Enabled} {settings.Tag}");

    public ValueTask<uint> GetSystemPowerStateAsync(CancellationToken cancellationToken) => Answer("GetSystemPowerState", 5u);

    public ValueTask<EoiRemoteControlCapabilities> GetRemoteControlCapabilitiesAsync(CancellationToken cancellationToken) =>
        Answer("GetRemoteControlCapabilities", Capabilities);

    public ValueTask RemoteControlAsync(EoiRemoteControlRequest request, CancellationToken cancellationToken) =>
        Act($"RemoteControl {request.Command} {request.Special} {request.OemParameters}");

    private ValueTask<T> Answer<T>(string call, T value)
    {
        Calls.Add(call);
        return Refuse is { } status ? throw new EoiRefusedException(status) : ValueTask.FromResult(value);
    }

    private ValueTask Act(string call)
    {
        Calls.Add(call);
        return Refuse is { } status ? throw new EoiRefusedException(status) : ValueTask.CompletedTask;
    }
}
