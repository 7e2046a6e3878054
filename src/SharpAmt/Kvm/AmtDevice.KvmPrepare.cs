namespace SharpAmt;

public sealed partial class AmtDevice
{
    /// <summary>
    /// Makes a KVM session possible, as a viewer does before it connects: the redirection listener open and KVM
    /// enabled (switched on only when <paramref name="options"/> allows it), then user consent obtained when the
    /// policy asks for it, as <see cref="PrepareConsentAsync"/> does for <see cref="RedirectionKind.Kvm"/>.
    /// </summary>
    public async Task<KvmPreparation> PrepareKvmAsync(KvmPrepareOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = await GetKvmSettingsAsync(cancellationToken).ConfigureAwait(false);
        if (!settings.KvmEnabled && !settings.EnabledByMebx)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: KVM is disabled in MEBx; it can only be allowed at the machine, in the MEBx menu");
        }

        if (!settings.KvmEnabled && !options.EnableKvm)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: KVM is disabled on this device; enable it first (amt features HOST --kvm on)");
        }

        if (!settings.ListenerEnabled && !options.EnableListener)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: the redirection listener (ports 16994/16995) is off; open it first (amt features HOST --redirection on)");
        }

        if (!settings.KvmEnabled || !settings.ListenerEnabled)
        {
            options.Progress?.Invoke(string.Join(" and ", new[] { settings.ListenerEnabled ? null : "opening the redirection listener", settings.KvmEnabled ? null : "enabling KVM" }.OfType<string>()));
            await SetRedirectionFeaturesAsync(new RedirectionFeatureChange(
                Listener: settings.ListenerEnabled ? null : true,
                Kvm: settings.KvmEnabled ? null : true), cancellationToken).ConfigureAwait(false);
        }

        var consent = await PrepareConsentAsync(RedirectionKind.Kvm, options, cancellationToken).ConfigureAwait(false);
        return new KvmPreparation(!settings.ListenerEnabled, !settings.KvmEnabled, consent.PoweredOn, consent.ConsentObtained, consent.Consent);
    }
}
