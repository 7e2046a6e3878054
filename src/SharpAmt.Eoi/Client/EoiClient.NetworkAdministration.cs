using SharpAmt.Eoi.Messages;
using SharpAmt.Transport.Http.Client;

namespace SharpAmt.Eoi;

/// <summary>NetworkAdministration: names, interfaces, ping response and VLAN.</summary>
public sealed partial class EoiClient
{
    public async Task<string> GetHostNameAsync(CancellationToken cancellationToken = default) =>
        NetworkAdministrationMessages.ReadHostName(await ReadAsync(NetworkAdministrationMessages.GetHostName(), cancellationToken).ConfigureAwait(false));

    public Task SetHostNameAsync(string hostName, CancellationToken cancellationToken = default) =>
        WriteAsync(NetworkAdministrationMessages.SetHostName(hostName), cancellationToken);

    public async Task<string> GetDomainNameAsync(CancellationToken cancellationToken = default) =>
        NetworkAdministrationMessages.ReadDomainName(await ReadAsync(NetworkAdministrationMessages.GetDomainName(), cancellationToken).ConfigureAwait(false));

    public Task SetDomainNameAsync(string domainName, CancellationToken cancellationToken = default) =>
        WriteAsync(NetworkAdministrationMessages.SetDomainName(domainName), cancellationToken);

    /// <summary>The handles of the ME's network interfaces (the wired one is 0).</summary>
    public async Task<IReadOnlyList<uint>> EnumerateInterfacesAsync(CancellationToken cancellationToken = default) =>
        NetworkAdministrationMessages.ReadInterfaces(await ReadAsync(NetworkAdministrationMessages.EnumerateInterfaces(), cancellationToken).ConfigureAwait(false));

    public async Task<EoiInterfaceSettings> GetInterfaceSettingsAsync(uint interfaceHandle, CancellationToken cancellationToken = default) =>
        NetworkAdministrationMessages.ReadInterfaceSettings(
            await ReadAsync(NetworkAdministrationMessages.GetInterfaceSettings(interfaceHandle), cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Changes the interface's mode, link policy and addressing. When the ME's address changes, it answers at the
    /// new address from then on; this client keeps talking to the old one.
    /// </summary>
    public Task SetInterfaceSettingsAsync(uint interfaceHandle, EoiInterfaceChange change, CancellationToken cancellationToken = default) =>
        WriteAsync(NetworkAdministrationMessages.SetInterfaceSettings(interfaceHandle, change), cancellationToken);

    /// <summary>Whether the ME answers ICMP echo.</summary>
    public async Task<bool> GetPingResponseAsync(CancellationToken cancellationToken = default) =>
        NetworkAdministrationMessages.ReadPingResponse(await ReadAsync(NetworkAdministrationMessages.GetPingResponse(), cancellationToken).ConfigureAwait(false));

    public Task SetPingResponseAsync(bool enabled, CancellationToken cancellationToken = default) =>
        WriteAsync(NetworkAdministrationMessages.SetPingResponse(enabled), cancellationToken);

    public async Task<EoiVlanSettings> GetVlanParametersAsync(uint interfaceHandle, CancellationToken cancellationToken = default) =>
        NetworkAdministrationMessages.ReadVlan(await ReadAsync(NetworkAdministrationMessages.GetVlanParameters(interfaceHandle), cancellationToken).ConfigureAwait(false));

    public Task SetVlanParametersAsync(uint interfaceHandle, EoiVlanSettings settings, CancellationToken cancellationToken = default) =>
        WriteAsync(NetworkAdministrationMessages.SetVlanParameters(interfaceHandle, settings), cancellationToken);

    private Task<Wire.EoiResponse> ReadAsync(Wire.EoiRequest request, CancellationToken cancellationToken) =>
        CallAsync(request, RequestSafety.Idempotent, cancellationToken);

    private async Task WriteAsync(Wire.EoiRequest request, CancellationToken cancellationToken) =>
        await CallAsync(request, RequestSafety.ChangesState, cancellationToken).ConfigureAwait(false);
}
