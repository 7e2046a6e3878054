namespace SharpAmt;

public sealed partial class AmtDevice
{
#pragma warning disable CS0649, IDE0044
    private IAsyncDisposable? _eoi;
#pragma warning restore CS0649, IDE0044
    private Task<AmtVersion> EoiFirmwareVersionAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
    private Task<GeneralSettings> EoiGeneralSettingsAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
    private Task<PowerStatus> EoiPowerStatusAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
    private Task<PowerActionResult> EoiPowerAsync(PowerAction action, CancellationToken cancellationToken) => throw new NotImplementedException();
    private Task<PowerActionResult> EoiBootAsync(BootRequest request, CancellationToken cancellationToken) => throw new NotImplementedException();
    private Task<NetworkSettings> EoiGetNetworkSettingsAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
    private Task EoiSetNetworkSettingsAsync(NetworkSettings before, NetworkChange change, NetworkSettings expected, CancellationToken cancellationToken) => throw new NotImplementedException();
}
