namespace SharpAmt.Eoi.Device;

/// <summary>
/// What a device does for each EOI operation. A refusal is thrown as <see cref="EoiRefusedException"/> with its
/// PT_STATUS, before anything has changed; the dispatcher turns it into a reply carrying that status.
/// </summary>
public interface IEoiService
{
    ValueTask<string> GetCoreVersionAsync(CancellationToken cancellationToken);

    ValueTask<string> GetHostNameAsync(CancellationToken cancellationToken);

    ValueTask SetHostNameAsync(string hostName, CancellationToken cancellationToken);

    ValueTask<string> GetDomainNameAsync(CancellationToken cancellationToken);

    ValueTask SetDomainNameAsync(string domainName, CancellationToken cancellationToken);

    ValueTask<IReadOnlyList<uint>> EnumerateInterfacesAsync(CancellationToken cancellationToken);

    ValueTask<EoiInterfaceSettings> GetInterfaceSettingsAsync(uint interfaceHandle, CancellationToken cancellationToken);

    ValueTask SetInterfaceSettingsAsync(uint interfaceHandle, EoiInterfaceChange change, CancellationToken cancellationToken);

    ValueTask<bool> GetPingResponseAsync(CancellationToken cancellationToken);

    ValueTask SetPingResponseAsync(bool enabled, CancellationToken cancellationToken);

    ValueTask<EoiVlanSettings> GetVlanParametersAsync(uint interfaceHandle, CancellationToken cancellationToken);

    ValueTask SetVlanParametersAsync(uint interfaceHandle, EoiVlanSettings settings, CancellationToken cancellationToken);

    ValueTask<uint> GetSystemPowerStateAsync(CancellationToken cancellationToken);

    ValueTask<EoiRemoteControlCapabilities> GetRemoteControlCapabilitiesAsync(CancellationToken cancellationToken);

    ValueTask RemoteControlAsync(EoiRemoteControlRequest request, CancellationToken cancellationToken);
}
