using System.Globalization;
using SharpAmt.WsMan;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt;

public sealed partial class AmtDevice
{
    /// <summary>
    /// The consent policy and where the code flow stands (IPS_OptInService, AMT 6.2 and later), and the display the
    /// code appears on (IPS_SecIOService).
    /// </summary>
    public async Task<ConsentStatus> GetConsentAsync(CancellationToken cancellationToken = default)
    {
        await RequireWsManAsync("user consent", cancellationToken).ConfigureAwait(false);
        var service = await GetOptInServiceAsync(cancellationToken).ConfigureAwait(false);
        var display = await TryGetConsentDisplayAsync(cancellationToken).ConfigureAwait(false);
        return ReadConsent(service) with { CodeDisplay = display };
    }

    /// <summary>Shows a six-digit code on the host's screen; someone there reads it to you.</summary>
    public async Task<ConsentStatus> StartConsentAsync(CancellationToken cancellationToken = default)
    {
        await RequireWsManAsync("user consent", cancellationToken).ConfigureAwait(false);
        await GetOptInServiceAsync(cancellationToken).ConfigureAwait(false);
        await InvokeCheckedAsync(AmtClassNames.OptInService, AmtMethods.StartOptIn, null, null, cancellationToken, value => value switch
        {
            OptIn.InvalidState => "a consent request is already under way; send its code or cancel it",
            OptIn.Blocked => "blocked after repeated failures; wait and try again",
            _ => null,
        }).ConfigureAwait(false);
        return await GetConsentAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the code read from the host's screen.</summary>
    public async Task<ConsentStatus> SendConsentCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        await RequireWsManAsync("user consent", cancellationToken).ConfigureAwait(false);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("a consent code is six digits", nameof(code));
        }

        await GetOptInServiceAsync(cancellationToken).ConfigureAwait(false);
        var input = WsManObject.MethodInput(AmtClassNames.OptInService, AmtMethods.SendOptInCode).With("OptInCode", int.Parse(code, CultureInfo.InvariantCulture));
        await InvokeCheckedAsync(AmtClassNames.OptInService, AmtMethods.SendOptInCode, input, null, cancellationToken, value => value switch
        {
            OptIn.InvalidState => "no consent code is displayed; start the request first",
            OptIn.WrongCode => "wrong consent code",
            _ => null,
        }).ConfigureAwait(false);
        return await GetConsentAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConsentStatus> CancelConsentAsync(CancellationToken cancellationToken = default)
    {
        await RequireWsManAsync("user consent", cancellationToken).ConfigureAwait(false);
        await GetOptInServiceAsync(cancellationToken).ConfigureAwait(false);
        await InvokeCheckedAsync(AmtClassNames.OptInService, AmtMethods.CancelOptIn, null, null, cancellationToken,
            value => value == OptIn.InvalidState ? "no consent request is under way" : null).ConfigureAwait(false);
        return await GetConsentAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sets when consent is required. Refused before any change when the device does not allow it (client control mode).</summary>
    public async Task<ConsentStatus> SetConsentPolicyAsync(ConsentPolicy policy, CancellationToken cancellationToken = default)
    {
        await RequireWsManAsync("user consent", cancellationToken).ConfigureAwait(false);
        var service = await GetOptInServiceAsync(cancellationToken).ConfigureAwait(false);
        var current = ReadConsent(service);
        if (current.Policy == policy)
        {
            return current;
        }

        if (!current.CanModifyPolicy)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: this device does not allow changing the consent policy (client control mode requires consent for all redirection)");
        }

        var required = policy switch
        {
            ConsentPolicy.None => OptIn.RequiredNone,
            ConsentPolicy.Kvm => OptIn.RequiredKvm,
            _ => OptIn.RequiredAll,
        };
        var updated = await WsMan.PutAsync(service.With("OptInRequired", required), cancellationToken: cancellationToken).ConfigureAwait(false);
        return ReadConsent(updated.Has("OptInRequired") ? updated : await GetOptInServiceAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<WsManObject> GetOptInServiceAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await WsMan.GetAsync(AmtClassNames.OptInService, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFaultException fault) when (fault.MeansNotPresent)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: this device has no user consent (it needs AMT 6.2 or later)", fault);
        }
    }

    private static ConsentStatus ReadConsent(WsManObject service) => new(
        service.GetInt64("OptInRequired") switch
        {
            OptIn.RequiredNone => ConsentPolicy.None,
            OptIn.RequiredKvm => ConsentPolicy.Kvm,
            _ => ConsentPolicy.All,
        },
        service.GetInt32("OptInState") is { } state and >= 0 and <= 4 ? (ConsentState)state : ConsentState.NotStarted,
        service.GetInt32("CanModifyOptInPolicy") == 1 || service.GetBoolean("CanModifyOptInPolicy") == true,
        service.GetInt32("OptInCodeTimeout") ?? 0,
        service.GetInt32("OptInDisplayTimeout") ?? 0);
}
