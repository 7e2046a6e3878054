using SharpAmt.WsMan;
using SharpAmt.WsMan.Wire;

namespace SharpAmt;

public sealed partial class AmtDevice
{
    /// <summary>The redirection listener, SOL and IDE-R (AMT_RedirectionService) and KVM (CIM_KVMRedirectionSAP).</summary>
    public async Task<RedirectionFeatures> GetRedirectionFeaturesAsync(CancellationToken cancellationToken = default)
    {
        var service = await WsMan.GetAsync(AmtClasses.RedirectionService, cancellationToken: cancellationToken).ConfigureAwait(false);
        var enabled = service.GetInt32("EnabledState") ?? 32768;
        var kvm = await GetKvmSapAsync(cancellationToken).ConfigureAwait(false);
        return new RedirectionFeatures(
            service.GetBoolean("ListenerEnabled") ?? false,
            (enabled & 2) != 0 && enabled >= 32768,
            (enabled & 1) != 0 && enabled >= 32768,
            kvm is null ? null : KvmIsEnabled(kvm));
    }

    /// <summary>
    /// Changes features in MeshCommander's order: SOL and IDE-R with RequestStateChange, KVM with its own
    /// RequestStateChange, then the listener with a Put. KVM on a device without it is refused before any change.
    /// </summary>
    public async Task<RedirectionFeatures> SetRedirectionFeaturesAsync(RedirectionFeatureChange change, CancellationToken cancellationToken = default)
    {
        var current = await GetRedirectionFeaturesAsync(cancellationToken).ConfigureAwait(false);
        if (change.Kvm is not null && current.Kvm is null)
        {
            throw new AmtFeatureUnavailableException($"{Endpoint}: this device has no KVM (Standard Manageability or firmware before AMT 6)");
        }

        var sol = change.Sol ?? current.Sol;
        var ider = change.Ider ?? current.Ider;
        if (sol != current.Sol || ider != current.Ider)
        {
            var input = WsManObject.MethodInput(AmtClasses.RedirectionService, "RequestStateChange").With("RequestedState", 32768 + (ider ? 1 : 0) + (sol ? 2 : 0));
            await InvokeCheckedAsync(AmtClasses.RedirectionService, "RequestStateChange", input, null, cancellationToken).ConfigureAwait(false);
        }

        if (change.Kvm is { } kvm && kvm != current.Kvm)
        {
            var input = WsManObject.MethodInput(AmtClasses.KvmRedirectionSap, "RequestStateChange").With("RequestedState", kvm ? 2 : 3);
            await InvokeCheckedAsync(AmtClasses.KvmRedirectionSap, "RequestStateChange", input, null, cancellationToken).ConfigureAwait(false);
        }

        if (change.Listener is { } listener && listener != current.Listener)
        {
            var service = await WsMan.GetAsync(AmtClasses.RedirectionService, cancellationToken: cancellationToken).ConfigureAwait(false);
            await WsMan.PutAsync(service.With("ListenerEnabled", listener), cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return await GetRedirectionFeaturesAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<WsManObject?> GetKvmSapAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await WsMan.GetAsync(AmtClasses.KvmRedirectionSap, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFaultException fault) when (fault.MeansNotPresent)
        {
            return null;
        }
    }

    /// <summary>KVM counts as on when EnabledState is 2 or 6 ("enabled but offline"), or 6 with RequestedState 2.</summary>
    private static bool KvmIsEnabled(WsManObject sap) => sap.GetInt32("EnabledState") is 2 or 6;
}
