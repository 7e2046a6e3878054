using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt;

public sealed partial class AmtDevice
{
    public async Task<BootCapabilities> GetBootCapabilitiesAsync(CancellationToken cancellationToken = default)
    {
        await RequireWsManAsync("boot capabilities", cancellationToken).ConfigureAwait(false);
        var capabilities = await WsMan.GetAsync(AmtClassNames.BootCapabilities, cancellationToken: cancellationToken).ConfigureAwait(false);
        bool Has(string name) => capabilities.GetBoolean(name) ?? false;
        return new BootCapabilities(
            Has("IDER"), Has("SOL"), Has("BIOSSetup"), Has("ForcePXEBoot"), Has("ForceHardDriveBoot"), Has("ForceCDorDVDBoot"), Has("ForceDiagnosticBoot"));
    }

    /// <summary>
    /// Boots the host to <see cref="BootRequest.Target"/> with a power action, in the order real consoles use:
    /// Get AMT_BootSettingData, clear the boot order, Put the settings without the read-only fields,
    /// SetBootConfigRole, ChangeBootOrder, then the power request. Everything that can be checked is checked
    /// first; if a step fails after the first change, the pending options are cleared again.
    /// </summary>
    public async Task<PowerActionResult> BootAsync(BootRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Action is not (PowerAction.On or PowerAction.Reset or PowerAction.Cycle or PowerAction.SoftReset))
        {
            throw new ArgumentException($"power action {PowerNames.Of(request.Action)} does not boot the host; use on, reset, cycle or soft-reset", nameof(request));
        }

        if (await GetProtocolAsync(cancellationToken).ConfigureAwait(false) == ManagementProtocol.Eoi)
        {
            return await EoiBootAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var before = await GetPowerStatusAsync(cancellationToken).ConfigureAwait(false);
        if (request.Action == PowerAction.On && before.State == AmtPowerState.On)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: the host is already on; use reset to boot it to {BootNames.Describe(request.Target)}");
        }

        RequireAllowed(request.Action, before);
        await CheckBootOptionsAsync(request, cancellationToken).ConfigureAwait(false);
        await RequireBootConsentAsync(request, cancellationToken).ConfigureAwait(false);
        var source = SourceOf(request.Target);
        if (source is not null)
        {
            await RequireBootSourceAsync(request.Target, source, cancellationToken).ConfigureAwait(false);
        }

        var original = await WsMan.GetAsync(AmtClassNames.BootSettingData, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            await ChangeBootOrderAsync(null, cancellationToken).ConfigureAwait(false);
            await WsMan.PutAsync(NextBootSettings(original, request), cancellationToken: cancellationToken).ConfigureAwait(false);
            await SetBootConfigRoleAsync(BootConfiguration.RoleIsNextSingleUse, cancellationToken).ConfigureAwait(false);
            if (source is not null)
            {
                await ChangeBootOrderAsync(source, cancellationToken).ConfigureAwait(false);
            }

            await RequestPowerStateChangeAsync(request.Action, cancellationToken).ConfigureAwait(false);
        }
        catch (Transport.AmtException)
        {
            await ClearBootOptionsAsync(original).ConfigureAwait(false);
            throw;
        }

        var after = await RereadAsync(cancellationToken).ConfigureAwait(false);
        var summary = $"{PowerNames.Of(request.Action)} to {BootNames.Describe(request.Target)}{(request.UseSol ? " with SOL" : "")} requested";
        return new PowerActionResult(request.Action, before, true, after, summary);
    }

    /// <summary>
    /// Firmware without the consent a redirected boot needs still answers success and boots as usual
    /// (device-management-toolkit/cloud-deployment#291): refusing first is the only way the caller learns of it.
    /// </summary>
    private async Task RequireBootConsentAsync(BootRequest request, CancellationToken cancellationToken)
    {
        if (!request.NeedsConsent || await TryGetConsentAsync(cancellationToken).ConfigureAwait(false) is not { } consent
            || !ConsentNeeded(RedirectionKind.RedirectedBoot, consent))
        {
            return;
        }

        throw new AmtConsentException(
            $"{Endpoint}: booting to {BootNames.Describe(request.Target)}{(request.UseSol ? " with SOL" : "")} needs user consent on this device (policy: all redirection); obtain it first (a consent code)",
            ConsentFailure.NotGranted);
    }

    private async Task CheckBootOptionsAsync(BootRequest request, CancellationToken cancellationToken)
    {
        var capabilities = await GetBootCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        var offered = request.Target switch
        {
            BootTarget.Default => true,
            BootTarget.Pxe => capabilities.Pxe,
            BootTarget.HardDisk or BootTarget.HardDiskSafeMode => capabilities.HardDisk,
            BootTarget.CdDvd => capabilities.CdDvd,
            BootTarget.Diagnostics => capabilities.Diagnostics,
            BootTarget.BiosSetup => capabilities.BiosSetup,
            _ => capabilities.Ider,
        };
        if (!offered)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: this device does not offer booting to {BootNames.Describe(request.Target)}");
        }

        if (request.UseSol && !capabilities.Sol)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: this device does not offer Serial-over-LAN");
        }

        var needsIder = request.Target is BootTarget.IderCd or BootTarget.IderFloppy;
        if (needsIder || request.UseSol)
        {
            var features = await GetRedirectionFeaturesAsync(cancellationToken).ConfigureAwait(false);
            if (needsIder && !features.Ider)
            {
                throw new AmtFeatureUnavailableException($"{Endpoint}: IDE-R is disabled; enable it first with: amt features {WsMan.Http.Host} --ider on");
            }

            if (request.UseSol && !features.Sol)
            {
                throw new AmtFeatureUnavailableException($"{Endpoint}: SOL is disabled; enable it first with: amt features {WsMan.Http.Host} --sol on");
            }
        }
    }

    private async Task RequireBootSourceAsync(BootTarget target, string source, CancellationToken cancellationToken)
    {
        var sources = await WsMan.EnumerateObjectsAsync(AmtClassNames.BootSourceSetting, cancellationToken).ConfigureAwait(false);
        if (!sources.Any(candidate => candidate.GetString("InstanceID") == source))
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: this device lists no boot source for {BootNames.Describe(target)}");
        }
    }

    private static WsManObject NextBootSettings(WsManObject original, BootRequest request)
    {
        var ider = request.Target is BootTarget.IderCd or BootTarget.IderFloppy;
        var settings = original.Without([.. BootConfiguration.ReadOnlyFields]);
        (string Name, string Value)[] fields =
        [
            ("BIOSPause", "false"),
            ("BIOSSetup", request.Target == BootTarget.BiosSetup ? "true" : "false"),
            ("BootMediaIndex", "0"),
            ("ConfigurationDataReset", "false"),
            ("FirmwareVerbosity", "0"),
            ("IDERBootDevice", request.Target == BootTarget.IderCd ? BootConfiguration.IderCd : BootConfiguration.IderFloppy),
            ("ReflashBIOS", "false"),
            ("SecureErase", "false"),
            ("UseIDER", ider ? "true" : "false"),
            ("UseSOL", request.UseSol ? "true" : "false"),
            ("UseSafeMode", request.Target == BootTarget.HardDiskSafeMode ? "true" : "false"),
        ];
        foreach (var (name, value) in fields)
        {
            if (settings.Has(name))
            {
                settings = settings.With(name, value);
            }
        }

        return settings;
    }

    private static string? SourceOf(BootTarget target) => target switch
    {
        BootTarget.Pxe => BootSourceIds.Pxe,
        BootTarget.HardDisk or BootTarget.HardDiskSafeMode => BootSourceIds.HardDrive,
        BootTarget.CdDvd => BootSourceIds.CdDvd,
        BootTarget.Diagnostics => BootSourceIds.Diagnostic,
        _ => null,
    };

    /// <summary>ChangeBootOrder with a source, or with none to clear the pending one.</summary>
    private async Task ChangeBootOrderAsync(string? source, CancellationToken cancellationToken)
    {
        var input = WsManObject.MethodInput(AmtClassNames.BootConfigSetting, AmtMethods.ChangeBootOrder);
        if (source is not null)
        {
            input = input.With("Source", BootConfiguration.SourceReference(source));
        }

        await InvokeCheckedAsync(AmtClassNames.BootConfigSetting, AmtMethods.ChangeBootOrder, input, BootConfiguration.ConfigurationSelectors, cancellationToken).ConfigureAwait(false);
    }

    private async Task SetBootConfigRoleAsync(int role, CancellationToken cancellationToken)
    {
        var input = WsManObject.MethodInput(AmtClassNames.BootService, AmtMethods.SetBootConfigRole)
            .With("BootConfigSetting", BootConfiguration.ConfigurationReference)
            .With("Role", role);
        await InvokeCheckedAsync(AmtClassNames.BootService, AmtMethods.SetBootConfigRole, input, BootConfiguration.BootServiceSelectors, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Best effort after a failed boot request: no source, not the next boot, the original options.</summary>
    private async Task ClearBootOptionsAsync(WsManObject original)
    {
        using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await ChangeBootOrderAsync(null, cleanup.Token).ConfigureAwait(false);
            await SetBootConfigRoleAsync(BootConfiguration.RoleIsNotNext, cleanup.Token).ConfigureAwait(false);
            await WsMan.PutAsync(original.Without([.. BootConfiguration.ReadOnlyFields]), cancellationToken: cleanup.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is Transport.AmtException or OperationCanceledException)
        {
            // The original failure is what the caller needs to see.
        }
    }
}
