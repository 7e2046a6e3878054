using SharpAmt.WsMan;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt;

public sealed partial class AmtDevice
{
    /// <summary>SessionTimeout and OptInPolicyTimeout are 16-bit in the class (unconfirmed: no published range).</summary>
    private const int MaxKvmTimeout = ushort.MaxValue;

    /// <summary>
    /// The KVM settings (IPS_KVMRedirectionSettingData), whether KVM is enabled and whether the redirection listener
    /// is open. The RFB password is never part of the answer: the device does not return it.
    /// </summary>
    public async Task<KvmSettings> GetKvmSettingsAsync(CancellationToken cancellationToken = default)
    {
        await RequireWsManAsync("KVM settings", cancellationToken).ConfigureAwait(false);
        var features = await GetRedirectionFeaturesAsync(cancellationToken).ConfigureAwait(false);
        if (features.Kvm is null)
        {
            throw NoKvm();
        }

        var settings = await GetKvmSettingDataAsync(cancellationToken).ConfigureAwait(false);
        var version = await GetFirmwareVersionAsync(cancellationToken).ConfigureAwait(false);
        var displays = await TryGetActiveDisplaysAsync(version, cancellationToken).ConfigureAwait(false);
        return ReadKvmSettings(settings, version, features, displays);
    }

    /// <summary>
    /// Changes the KVM settings given, with one Put of the whole instance. Every value is checked first, against
    /// AMT's ranges and this firmware's abilities, so a refused change sends nothing. Port 5900 is switched as in
    /// the reference's sequence (section 4.5): the Put, then CIM_KVMRedirectionSAP.RequestStateChange(2).
    /// </summary>
    public async Task<KvmSettings> SetKvmSettingsAsync(KvmSettingsChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        CheckKvmValues(change);
        await RequireWsManAsync("KVM settings", cancellationToken).ConfigureAwait(false);
        var before = await GetKvmSettingsAsync(cancellationToken).ConfigureAwait(false);
        var version = await GetFirmwareVersionAsync(cancellationToken).ConfigureAwait(false);
        await CheckKvmChangeAsync(change, before, version, cancellationToken).ConfigureAwait(false);

        if (NeedsPut(change, before))
        {
            var instance = await GetKvmSettingDataAsync(cancellationToken).ConfigureAwait(false);
            await WsMan.PutAsync(WithChanges(instance, change), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        var enableKvm = change.KvmEnabled ?? (change.Port5900Enabled == true ? true : null);
        if (enableKvm is { } kvm && (kvm != before.KvmEnabled || change.Port5900Enabled == true))
        {
            var input = WsManObject.MethodInput(AmtClassNames.KvmRedirectionSap, AmtMethods.RequestStateChange)
                .With("RequestedState", kvm ? RedirectionStates.KvmEnable : RedirectionStates.KvmDisable);
            await InvokeCheckedAsync(AmtClassNames.KvmRedirectionSap, AmtMethods.RequestStateChange, input, null, cancellationToken).ConfigureAwait(false);
        }

        return await GetKvmSettingsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What needs no device: ranges that hold on every generation, and the password rule for port 5900.</summary>
    private static void CheckKvmValues(KvmSettingsChange change)
    {
        if (change.DefaultScreen is < 0 or > 2)
        {
            throw new ArgumentException($"the default screen must be 0, 1 or 2 (2 only on AMT 10 and later), not {change.DefaultScreen}", nameof(change));
        }

        if (change.SessionTimeoutMinutes is < 0 or > MaxKvmTimeout)
        {
            throw new ArgumentException($"the KVM session timeout must be 0 to {MaxKvmTimeout} minutes, not {change.SessionTimeoutMinutes}", nameof(change));
        }

        if (change.ConsentTimeoutSeconds is < 0 or > MaxKvmTimeout)
        {
            throw new ArgumentException($"the consent timeout must be 0 to {MaxKvmTimeout} seconds, not {change.ConsentTimeoutSeconds}", nameof(change));
        }

        if (change.Port5900Enabled == true && change.RfbPassword is null)
        {
            throw new ArgumentException("turning port 5900 on needs an RFB password: VNC viewers authenticate with it", nameof(change));
        }

        if (change.Port5900Enabled == true && change.KvmEnabled == false)
        {
            throw new ArgumentException("port 5900 serves KVM, so it cannot be turned on while KVM is turned off", nameof(change));
        }
    }

    /// <summary>What depends on the device: its display count, 5900 support, MEBx and the consent policy lock.</summary>
    private async Task CheckKvmChangeAsync(KvmSettingsChange change, KvmSettings before, AmtVersion version, CancellationToken cancellationToken)
    {
        if (change.DefaultScreen > before.MaxDefaultScreen)
        {
            throw new ArgumentException($"the default screen must be 0 to {before.MaxDefaultScreen} on AMT {version.Major} (a third display needs AMT 10)", nameof(change));
        }

        if (change.Port5900Enabled == true && !before.Port5900Enabled && !Offers5900(version))
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: AMT {version.Major} no longer offers VNC on port 5900; use KVM over the redirection port (16994/16995)");
        }

        if ((change.KvmEnabled == true || change.Port5900Enabled == true) && !before.EnabledByMebx)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: KVM is disabled in MEBx; it can only be allowed at the machine, in the MEBx menu");
        }

        if (change.ConsentRequired == false && before.ConsentRequired)
        {
            var consent = await TryGetConsentAsync(cancellationToken).ConfigureAwait(false);
            if (consent is { CanModifyPolicy: false })
            {
                throw new AmtFeatureUnavailableException($"{Endpoint}: this device does not allow turning KVM consent off (client control mode requires consent)");
            }
        }
    }

    /// <summary>The highest display number KVM and the consent code can be put on: a third display arrived with AMT 10.</summary>
    private static int MaxDisplayOf(AmtVersion version) => version.Major >= 10 ? 2 : 1;

    /// <summary>Port 5900 up to AMT 15: new firmware disables or refuses it (reference section 6.6.9; the exact generation is unconfirmed).</summary>
    private static bool Offers5900(AmtVersion version) => version.Major < 16;

    private static bool NeedsPut(KvmSettingsChange change, KvmSettings before) =>
        change.DefaultScreen is { } screen && screen != before.DefaultScreen
        || change.SessionTimeoutMinutes is { } minutes && minutes != before.SessionTimeoutMinutes
        || change.ConsentRequired is { } consent && consent != before.ConsentRequired
        || change.ConsentTimeoutSeconds is { } seconds && seconds != before.ConsentTimeoutSeconds
        || change.Port5900Enabled is { } port && port != before.Port5900Enabled
        || change.RfbPassword is not null;

    private static WsManObject WithChanges(WsManObject instance, KvmSettingsChange change)
    {
        // The empty RFBPassword a Get returns is left out, so the Put cannot be read as clearing the password.
        var updated = instance.Without("RFBPassword");
        if (change.DefaultScreen is { } screen)
        {
            updated = updated.With("DefaultScreen", screen);
        }

        if (change.SessionTimeoutMinutes is { } minutes)
        {
            updated = updated.With("SessionTimeout", minutes);
        }

        if (change.ConsentRequired is { } consent)
        {
            updated = updated.With("OptInPolicy", consent);
        }

        if (change.ConsentTimeoutSeconds is { } seconds)
        {
            updated = updated.With("OptInPolicyTimeout", seconds);
        }

        if (change.Port5900Enabled is { } port)
        {
            updated = updated.With("Is5900PortEnabled", port);
        }

        if (change.RfbPassword is { } password)
        {
            updated = updated.With("RFBPassword", password.Reveal());
        }

        return updated;
    }

    private async Task<WsManObject> GetKvmSettingDataAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await WsMan.GetAsync(AmtClassNames.KvmRedirectionSettingData, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFaultException fault) when (fault.MeansNotPresent)
        {
            throw NoKvm(fault);
        }
    }

    /// <summary>
    /// IPS_ScreenSettingData.IsActive, from AMT 8 (where the class and multiple displays arrived). Any fault, not only
    /// "no such class", leaves the displays unknown: they only inform, and the KVM settings must not fail over them.
    /// </summary>
    private async Task<KvmDisplays?> TryGetActiveDisplaysAsync(AmtVersion version, CancellationToken cancellationToken)
    {
        if (version.Major < 8)
        {
            return null;
        }

        try
        {
            var screens = await WsMan.GetAsync(AmtClassNames.ScreenSettingData, cancellationToken: cancellationToken).ConfigureAwait(false);
            var isActive = screens.GetStrings("IsActive");
            return isActive.Count == 0 ? null : KvmDisplays.FromIsActive(isActive.Select(text => text.Trim().Equals("true", StringComparison.OrdinalIgnoreCase)));
        }
        catch (WsManFaultException)
        {
            return null;
        }
    }

    /// <summary>The policy and state alone, for deciding whether a session or boot needs consent: one Get, not the display's too.</summary>
    private async Task<ConsentStatus?> TryGetConsentAsync(CancellationToken cancellationToken)
    {
        try
        {
            await RequireWsManAsync("user consent", cancellationToken).ConfigureAwait(false);
            return ReadConsent(await GetOptInServiceAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (AmtFeatureUnavailableException)
        {
            return null;
        }
    }

    private AmtFeatureUnavailableException NoKvm(Exception? inner = null) =>
        new($"{Endpoint}: this device has no KVM (Standard Manageability or firmware before AMT 6)", inner);

    private static KvmSettings ReadKvmSettings(WsManObject settings, AmtVersion version, RedirectionFeatures features, KvmDisplays? displays) => new(
        settings.GetInt32("DefaultScreen") ?? 0,
        MaxDisplayOf(version),
        settings.GetInt32("SessionTimeout") ?? 0,
        settings.GetBoolean("OptInPolicy") ?? false,
        settings.GetInt32("OptInPolicyTimeout"),
        settings.GetBoolean("Is5900PortEnabled") ?? false,
        settings.GetBoolean("EnabledByMEBx") ?? true,
        settings.GetBoolean("GrayscalePixelFormatSupported"),
        settings.GetBoolean("ZlibControlSupported"),
        features.Kvm ?? false,
        features.Listener,
        displays);
}
