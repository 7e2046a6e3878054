using SharpAmt.WsMan;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt;

public sealed partial class AmtDevice
{
    /// <summary>The redirection listener, SOL and IDE-R (AMT_RedirectionService) and KVM (CIM_KVMRedirectionSAP).</summary>
    public async Task<RedirectionFeatures> GetRedirectionFeaturesAsync(CancellationToken cancellationToken = default)
    {
        await RequireWsManAsync("redirection features", cancellationToken).ConfigureAwait(false);
        var service = await WsMan.GetAsync(AmtClassNames.RedirectionService, cancellationToken: cancellationToken).ConfigureAwait(false);
        var enabled = service.GetInt32("EnabledState") ?? RedirectionStates.Base;
        var kvm = await GetKvmSapAsync(cancellationToken).ConfigureAwait(false);
        return new RedirectionFeatures(
            service.GetBoolean("ListenerEnabled") ?? false,
            RedirectionStates.HasSol(enabled),
            RedirectionStates.HasIder(enabled),
            kvm is null ? null : KvmIsEnabled(kvm));
    }

    /// <summary>
    /// Changes features in MeshCommander's order: SOL and IDE-R with RequestStateChange, KVM with its own
    /// RequestStateChange, then the listener with a Put. KVM on a device without it is refused before any change.
    /// </summary>
    public async Task<RedirectionFeatures> SetRedirectionFeaturesAsync(RedirectionFeatureChange change, CancellationToken cancellationToken = default)
    {
        await RequireWsManAsync("redirection features", cancellationToken).ConfigureAwait(false);
        var current = await GetRedirectionFeaturesAsync(cancellationToken).ConfigureAwait(false);
        if (change.Kvm is not null && current.Kvm is null)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: this device has no KVM (Standard Manageability or firmware before AMT 6)");
        }

        var sol = change.Sol ?? current.Sol;
        var ider = change.Ider ?? current.Ider;
        if (sol != current.Sol || ider != current.Ider)
        {
            var input = WsManObject.MethodInput(AmtClassNames.RedirectionService, AmtMethods.RequestStateChange).With("RequestedState", RedirectionStates.Encode(ider, sol));
            await InvokeCheckedAsync(AmtClassNames.RedirectionService, AmtMethods.RequestStateChange, input, null, cancellationToken).ConfigureAwait(false);
        }

        if (change.Kvm is { } kvm && kvm != current.Kvm)
        {
            var input = WsManObject.MethodInput(AmtClassNames.KvmRedirectionSap, AmtMethods.RequestStateChange).With("RequestedState", kvm ? RedirectionStates.KvmEnable : RedirectionStates.KvmDisable);
            await InvokeCheckedAsync(AmtClassNames.KvmRedirectionSap, AmtMethods.RequestStateChange, input, null, cancellationToken).ConfigureAwait(false);
        }

        if (change.Listener is { } listener && listener != current.Listener)
        {
            var service = await WsMan.GetAsync(AmtClassNames.RedirectionService, cancellationToken: cancellationToken).ConfigureAwait(false);
            await WsMan.PutAsync(service.With("ListenerEnabled", listener), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return await GetRedirectionFeaturesAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<WsManObject?> GetKvmSapAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await WsMan.GetAsync(AmtClassNames.KvmRedirectionSap, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFaultException fault) when (fault.MeansNotPresent)
        {
            return null;
        }
    }

    private static bool KvmIsEnabled(WsManObject sap) => RedirectionStates.IsKvmEnabled(sap.GetInt32("EnabledState") ?? 0);
}
