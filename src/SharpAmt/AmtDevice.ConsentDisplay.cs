using SharpAmt.WsMan;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt;

public sealed partial class AmtDevice
{
    /// <summary>
    /// Chooses the display the user-consent code appears on (IPS_SecIOService.DefaultScreen, reference section 4.4): 0
    /// the primary, 1 the second, 2 the third (AMT 10 and later), as MeshCommander's "Consent Display" does. KVM's
    /// DefaultScreen (<see cref="SetKvmSettingsAsync"/>) is another setting: it chooses only what KVM shows.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A display this device cannot have; nothing was changed.</exception>
    /// <exception cref="AmtFeatureUnavailableException">The device has no user consent (before AMT 6.2) or no IPS_SecIOService.</exception>
    public async Task<ConsentStatus> SetConsentDisplayAsync(int display, CancellationToken cancellationToken = default)
    {
        if (display is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(display), $"the consent display must be 0, 1 or 2 (2 only on AMT 10 and later), not {display}");
        }

        await RequireWsManAsync("user consent", cancellationToken).ConfigureAwait(false);
        var version = await GetFirmwareVersionAsync(cancellationToken).ConfigureAwait(false);
        if (!version.IsAtLeast(6, 2))
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: this device has no user consent, so no consent display to choose (it needs AMT 6.2 or later)");
        }

        var max = MaxDisplayOf(version);
        if (display > max)
        {
            throw new ArgumentOutOfRangeException(nameof(display), $"the consent display must be 0 to {max} on AMT {version.Major} (a third display needs AMT 10), not {display}");
        }

        var service = await GetSecIoServiceAsync(cancellationToken).ConfigureAwait(false);
        if (service.GetInt32("DefaultScreen") != display)
        {
            // The whole instance goes back, as MeshCommander sends it, with only DefaultScreen changed.
            await WsMan.PutAsync(service.With("DefaultScreen", display), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return await GetConsentAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<WsManObject> GetSecIoServiceAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await WsMan.GetAsync(AmtClassNames.SecIoService, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFaultException fault) when (fault.MeansNotPresent)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: this device has no IPS_SecIOService, so the display the consent code appears on cannot be chosen", fault);
        }
    }

    /// <summary>
    /// IPS_SecIOService.DefaultScreen, or null. Any fault leaves it unknown: it only informs, and reading consent must
    /// not fail over it.
    /// </summary>
    private async Task<int?> TryGetConsentDisplayAsync(CancellationToken cancellationToken)
    {
        try
        {
            var service = await WsMan.GetAsync(AmtClassNames.SecIoService, cancellationToken: cancellationToken).ConfigureAwait(false);
            return service.GetInt32("DefaultScreen");
        }
        catch (WsManFaultException)
        {
            return null;
        }
    }
}
