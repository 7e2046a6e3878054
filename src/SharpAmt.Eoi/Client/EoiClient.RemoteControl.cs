using SharpAmt.Eoi.Messages;

namespace SharpAmt.Eoi;

/// <summary>RemoteControl: power state, capabilities and power actions with boot options.</summary>
public sealed partial class EoiClient
{
    /// <summary>The host's power state as <see cref="EoiSystemPowerStates"/> numbers: 0 is S0 (on), 5 is S5 (soft off).</summary>
    public async Task<uint> GetSystemPowerStateAsync(CancellationToken cancellationToken = default) =>
        RemoteControlMessages.ReadSystemPowerState(await ReadAsync(RemoteControlMessages.GetSystemPowerState(), cancellationToken).ConfigureAwait(false));

    public async Task<EoiRemoteControlCapabilities> GetRemoteControlCapabilitiesAsync(CancellationToken cancellationToken = default) =>
        RemoteControlMessages.ReadCapabilities(await ReadAsync(RemoteControlMessages.GetRemoteControlCapabilities(), cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// A power action, with boot options for the boot it causes. Never sent a second time once the device may have
    /// seen it: a repeated reset would reset twice.
    /// </summary>
    public Task RemoteControlAsync(EoiRemoteControlRequest request, CancellationToken cancellationToken = default) =>
        WriteAsync(RemoteControlMessages.RemoteControl(request), cancellationToken);
}
