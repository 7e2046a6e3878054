using SharpAmt.Transport;
using SharpAmt.WsMan.Amt;

namespace SharpAmt;

public sealed partial class AmtDevice
{
    /// <summary>
    /// Obtains the user consent a redirection session of this kind needs (reference section 4.4), as a console does
    /// before it connects: nothing when the policy does not cover the kind or consent is already granted or in
    /// session (MeshCommander's rule); otherwise a code is shown on the host's screen, asked for through
    /// <see cref="ConsentPrepareOptions.ConsentCode"/> and sent, with a host that is off powered on first so the code
    /// can be shown. AMT before 6.2 has no consent and needs nothing.
    /// </summary>
    /// <exception cref="AmtConsentException">Consent is needed and was not obtained: no code, wrong codes, expired or blocked.</exception>
    public async Task<ConsentPreparation> PrepareConsentAsync(RedirectionKind session, ConsentPrepareOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var consent = await TryGetConsentAsync(cancellationToken).ConfigureAwait(false);
        if (consent is null || !ConsentNeeded(session, consent))
        {
            return new ConsentPreparation(false, false, consent);
        }

        if (options.ConsentCode is null)
        {
            throw new AmtConsentException($"{Endpoint}: {Describe(session)} needs user consent and no way to ask for the code was given", ConsentFailure.NoCodeSource);
        }

        var poweredOn = options.PowerOnForConsent && await PowerOnForConsentAsync(options, cancellationToken).ConfigureAwait(false);
        consent = await ObtainConsentAsync(session, consent, options, cancellationToken).ConfigureAwait(false);
        return new ConsentPreparation(poweredOn, true, consent);
    }

    /// <summary>MeshCommander's rule: "all" covers every kind, any other policy but "none" covers KVM; a grant or a session under way is enough.</summary>
    private static bool ConsentNeeded(RedirectionKind session, ConsentStatus consent) =>
        (consent.Policy == ConsentPolicy.All || session == RedirectionKind.Kvm && consent.Policy == ConsentPolicy.Kvm)
        && consent.State is not (ConsentState.Received or ConsentState.InSession);

    private static string Describe(RedirectionKind session) => session switch
    {
        RedirectionKind.Sol => "serial-over-LAN",
        RedirectionKind.Ider => "IDE redirection",
        RedirectionKind.RedirectedBoot => "booting to BIOS setup or with redirection",
        _ => "KVM",
    };

    private async Task<bool> PowerOnForConsentAsync(ConsentPrepareOptions options, CancellationToken cancellationToken)
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

    private async Task<ConsentStatus> ObtainConsentAsync(RedirectionKind session, ConsentStatus consent, ConsentPrepareOptions options, CancellationToken cancellationToken)
    {
        // A request already under way (from an earlier attempt or another console) shows a code already; ask for that one.
        if (consent.State == ConsentState.NotStarted)
        {
            options.Progress?.Invoke($"{Describe(session)} needs user consent: showing a code on the host's screen");
            consent = await StartConsentOrExplainAsync(cancellationToken).ConfigureAwait(false);
        }

        var previousWrong = false;
        for (var attempt = 1; attempt <= Math.Max(1, options.MaxCodeAttempts); attempt++)
        {
            var answer = await options.ConsentCode!(new ConsentPrompt(session, attempt, previousWrong, consent.CodeTimeoutSeconds), cancellationToken).ConfigureAwait(false);
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
        throw new AmtConsentException($"{Endpoint}: wrong consent code after {options.MaxCodeAttempts} {(options.MaxCodeAttempts == 1 ? "attempt" : "attempts")}; the request was cancelled", ConsentFailure.WrongCode);
    }

    private async Task<ConsentStatus> StartConsentOrExplainAsync(CancellationToken cancellationToken)
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
