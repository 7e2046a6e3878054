using SharpAmt.WsMan;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt;

public sealed partial class AmtDevice
{
    /// <summary>The power state and the states that may be requested now (CIM_ServiceAvailableToElement).</summary>
    public async Task<PowerStatus> GetPowerStatusAsync(CancellationToken cancellationToken = default)
    {
        if (await GetProtocolAsync(cancellationToken).ConfigureAwait(false) == ManagementProtocol.Eoi)
        {
            return await EoiPowerStatusAsync(cancellationToken).ConfigureAwait(false);
        }

        var items = await WsMan.EnumerateObjectsAsync(AmtClassNames.ServiceAvailableToElement, cancellationToken).ConfigureAwait(false);
        var association = items.FirstOrDefault(item => item.Has("PowerState"))
            ?? throw new AmtFeatureUnavailableException($"{Endpoint}: the device reports no power state");
        var raw = association.GetInt32("PowerState") ?? 0;
        var state = Enum.IsDefined((AmtPowerState)raw) ? (AmtPowerState)raw : AmtPowerState.Unknown;
        var available = association.GetInt64s("AvailableRequestedPowerStates").Select(value => (int)value).ToArray();
        int? osPowerSaving = null;
        if (state == AmtPowerState.On)
        {
            osPowerSaving = await GetOsPowerSavingStateAsync(cancellationToken).ConfigureAwait(false);
        }

        return new PowerStatus(state, raw, available, osPowerSaving);
    }

    /// <summary>
    /// Requests a power action. It is checked against the states the device offers first; "on" for a host
    /// that is on in OS power saving wakes it to full power instead; the state is read again afterwards.
    /// </summary>
    public async Task<PowerActionResult> PowerAsync(PowerAction action, CancellationToken cancellationToken = default)
    {
        if (await GetProtocolAsync(cancellationToken).ConfigureAwait(false) == ManagementProtocol.Eoi)
        {
            return await EoiPowerAsync(action, cancellationToken).ConfigureAwait(false);
        }

        var before = await GetPowerStatusAsync(cancellationToken).ConfigureAwait(false);
        if (action == PowerAction.On && before.State == AmtPowerState.On)
        {
            if (!before.OsPowerSaving)
            {
                return new PowerActionResult(action, before, false, before, "already on");
            }

            await RequestOsFullPowerAsync(cancellationToken).ConfigureAwait(false);
            return new PowerActionResult(action, before, true, await RereadAsync(cancellationToken).ConfigureAwait(false), "woken from OS power saving");
        }

        if (action is PowerAction.Off or PowerAction.SoftOff && before.State == AmtPowerState.Off)
        {
            return new PowerActionResult(action, before, false, before, "already off");
        }

        RequireAllowed(action, before);
        await RequestPowerStateChangeAsync(action, cancellationToken).ConfigureAwait(false);
        return new PowerActionResult(action, before, true, await RereadAsync(cancellationToken).ConfigureAwait(false), $"{PowerNames.Of(action)} requested");
    }

    private void RequireAllowed(PowerAction action, PowerStatus status)
    {
        if (!status.Allows(action))
        {
            var offered = PowerNames.Actions(status.AvailableRequestedPowerStates);
            throw new AmtFeatureUnavailableException(
                $"{Endpoint}: power action {PowerNames.Of(action)} is not possible now (host is {PowerNames.Of(status.State)}; the device offers: {(offered.Length == 0 ? "nothing" : offered)})");
        }
    }

    private async Task RequestPowerStateChangeAsync(PowerAction action, CancellationToken cancellationToken)
    {
        var input = WsManObject.MethodInput(AmtClassNames.PowerManagementService, AmtMethods.RequestPowerStateChange)
            .With("PowerState", (int)action)
            .With("ManagedElement", PowerManagement.ManagedSystem);
        await InvokeCheckedAsync(AmtClassNames.PowerManagementService, AmtMethods.RequestPowerStateChange, input, PowerManagement.ServiceSelectors, cancellationToken,
            value => value == 2 ? "the device refused the change in its current state; a previous change may still be in progress" : null).ConfigureAwait(false);
    }

    /// <summary>OSPowerSavingState of IPS_PowerManagementService (AMT 10+); null when absent or not reported.</summary>
    private async Task<int?> GetOsPowerSavingStateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var service = await WsMan.GetAsync(AmtClassNames.OsPowerManagementService, cancellationToken: cancellationToken).ConfigureAwait(false);
            return service.GetInt32("OSPowerSavingState");
        }
        catch (WsManFaultException fault) when (fault.MeansNotPresent)
        {
            return null;
        }
    }

    private async Task RequestOsFullPowerAsync(CancellationToken cancellationToken)
    {
        var input = WsManObject.MethodInput(AmtClassNames.OsPowerManagementService, AmtMethods.RequestOsPowerSavingStateChange).With("OSPowerSavingState", 2);
        await InvokeCheckedAsync(AmtClassNames.OsPowerManagementService, AmtMethods.RequestOsPowerSavingStateChange, input, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads the state after an action, as MeshCommander does; a failure here does not undo the action.</summary>
    private async Task<PowerStatus?> RereadAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await GetPowerStatusAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Transport.AmtException)
        {
            return null;
        }
    }
}
