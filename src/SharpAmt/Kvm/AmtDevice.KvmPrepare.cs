using SharpAmt.Transport;
using SharpAmt.WsMan.Amt;

namespace SharpAmt;

public sealed partial class AmtDevice
{
    /// <summary>
    /// Makes a KVM session possible, as a viewer does before it connects: the redirection listener open and KVM
    /// enabled (switched on only when <paramref name="options"/> allows it), and user consent obtained when the
    /// policy asks for it (reference section 4.4): the code is shown on the host's screen, asked for through
    /// <see cref="KvmPrepareOptions.ConsentCode"/> and sent, with a host that is off powered on first so the code
    /// can be shown. Consent already granted or in session is kept; AMT before 6.2 has none.
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

        var consent = await TryGetConsentAsync(cancellationToken).ConfigureAwait(false);
        var poweredOn = false;
        var obtained = false;
        if (consent is not null && ConsentNeededForKvm(consent))
        {
            if (options.ConsentCode is null)
            {
                throw new AmtConsentException($"{Endpoint}: KVM needs user consent and no way to ask for the code was given", ConsentFailure.NoCodeSource);
            }

            poweredOn = options.PowerOnForConsent && await PowerOnForConsentAsync(options, cancellationToken).ConfigureAwait(false);
            consent = await ObtainConsentAsync(consent, options, cancellationToken).ConfigureAwait(false);
            obtained = true;
        }

        return new KvmPreparation(!settings.ListenerEnabled, !settings.KvmEnabled, poweredOn, obtained, consent);
    }

    /// <summary>MeshCommander's rule: any policy other than "none" covers KVM; a grant or a session under way is enough.</summary>
    private static bool ConsentNeededForKvm(ConsentStatus consent) =>
        consent.Policy != ConsentPolicy.None && consent.State is not (ConsentState.Received or ConsentState.InSession);

    private async Task<bool> PowerOnForConsentAsync(KvmPrepareOptions options, CancellationToken cancellationToken)
    {
        var power = await GetPowerStatusAsync(cancellationToken).ConfigureAwait(false);
        if (power.State == AmtPowerState.On)
        {
            return false;
        }

        options.Progress?.Invoke($"the host is {PowerNames.Of(power.State)}; powering it on so the consent code can be shown on its screen");
        await PowerAsync(PowerAction.On, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<ConsentStatus> ObtainConsentAsync(ConsentStatus consent, KvmPrepareOptions options, CancellationToken cancellationToken)
    {
        // A request already under way (from an earlier attempt or another console) shows a code already; ask for that one.
        if (consent.State == ConsentState.NotStarted)
        {
            options.Progress?.Invoke("user consent is required: showing a code on the host's screen");
            consent = await StartConsentForKvmAsync(cancellationToken).ConfigureAwait(false);
        }

        var previousWrong = false;
        for (var attempt = 1; attempt <= Math.Max(1, options.MaxCodeAttempts); attempt++)
        {
            var answer = await options.ConsentCode!(new KvmConsentPrompt(attempt, previousWrong, consent.CodeTimeoutSeconds), cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrWhiteSpace(answer))
            {
                await CancelConsentQuietlyAsync(cancellationToken).ConfigureAwait(false);
                throw new AmtConsentException($"{Endpoint}: no consent code given; the request was cancelled", ConsentFailure.Declined);
            }

            var code = answer.Trim();
            if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            {
                previousWrong = true;
                continue;
            }

            try
            {
                var granted = await SendConsentCodeAsync(code, cancellationToken).ConfigureAwait(false);
                options.Progress?.Invoke("user consent granted");
                return granted;
            }
            catch (AmtReturnValueException refused) when (refused.ReturnValue == OptIn.WrongCode)
            {
                previousWrong = true;
                if ((await GetConsentAsync(cancellationToken).ConfigureAwait(false)).State == ConsentState.NotStarted)
                {
                    throw new AmtConsentException($"{Endpoint}: wrong consent code; the device ended the request after repeated wrong codes", ConsentFailure.WrongCode, refused);
                }
            }
            catch (AmtReturnValueException refused) when (refused.ReturnValue == OptIn.InvalidState)
            {
                throw new AmtConsentException($"{Endpoint}: the consent code expired before it was entered; try again", ConsentFailure.TimedOut, refused);
            }
        }

        await CancelConsentQuietlyAsync(cancellationToken).ConfigureAwait(false);
        throw new AmtConsentException($"{Endpoint}: wrong consent code after {options.MaxCodeAttempts} attempts; the request was cancelled", ConsentFailure.WrongCode);
    }

    private async Task<ConsentStatus> StartConsentForKvmAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await StartConsentAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmtReturnValueException refused) when (refused.ReturnValue == OptIn.Blocked)
        {
            throw new AmtConsentException($"{Endpoint}: the device blocks consent requests after repeated failures; wait and try again", ConsentFailure.Blocked, refused);
        }
    }

    /// <summary>Leaves no code on the host's screen; a failure here must not hide why consent failed.</summary>
    private async Task CancelConsentQuietlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CancelConsentAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (AmtException)
        {
            // Nothing under way any more, or the device is gone: either way there is nothing left to cancel.
        }
    }
}
