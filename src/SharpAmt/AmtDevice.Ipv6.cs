using System.Globalization;
using SharpAmt.WsMan;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt;

/// <summary>
/// IPv6 of the wired interface over WS-Management (AMT 6+). Firmware keeps no IPv6 flag in
/// IPS_IPv6PortSettings: IPv6 is on when that setting data is current for the Ethernet port, which is the
/// IsCurrent of their CIM_ElementSettingData association (1 current, 2 not), as MeshCommander reads and sets it.
/// </summary>
public sealed partial class AmtDevice
{
    private const string WiredIpv6Settings = "Intel(r) IPS IPv6 Settings 0";
    private const string IsCurrent = "IsCurrent";
    private const int Current = 1;
    private const int NotCurrent = 2;

    /// <summary>The association between the wired port and its IPv6 settings; null before AMT 6, where there is none.</summary>
    private async Task<WsManObject?> GetWiredIpv6AssociationAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<WsManObject> associations;
        try
        {
            associations = await WsMan.EnumerateObjectsAsync(AmtClassNames.ElementSettingData, cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFaultException fault) when (fault.MeansNotPresent)
        {
            return null;
        }

        return associations.FirstOrDefault(IsWiredIpv6);
    }

    private static bool IsWiredIpv6(WsManObject association) =>
        association.GetReference("SettingData") is { } settings
        && ResourceUris.ClassName(settings.ResourceUri.Trim()) == AmtClassNames.Ipv6PortSettings
        && settings.Selectors.Value("InstanceID") == WiredIpv6Settings
        && association.GetReference("ManagedElement") is not null;

    /// <summary>On, off, or null when the association says neither.</summary>
    private static bool? Ipv6Enabled(WsManObject? association) => association?.GetInt32(IsCurrent) switch
    {
        Current => true,
        NotCurrent => false,
        _ => null,
    };

    /// <summary>
    /// Puts the association with IsCurrent set, addressed by its two keys, both endpoint references (the port
    /// and the settings); returns it as it was, for a rollback.
    /// </summary>
    private async Task<WsManObject> PutIpv6Async(bool enabled, CancellationToken cancellationToken)
    {
        var association = await GetWiredIpv6AssociationAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new AmtFeatureUnavailableException($"{Endpoint}: the device no longer reports the IPv6 settings of its wired interface");
        await PutIpv6AssociationAsync(association.With(IsCurrent, (enabled ? Current : NotCurrent).ToString(CultureInfo.InvariantCulture)), cancellationToken).ConfigureAwait(false);
        return association;
    }

    private async Task PutIpv6AssociationAsync(WsManObject association, CancellationToken cancellationToken)
    {
        var selectors = new SelectorSet(
        [
            KeySelector(association, "ManagedElement"),
            KeySelector(association, "SettingData"),
        ]);
        await WsMan.PutAsync(association, selectors, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An EPR-valued selector, with the anonymous address firmware and MeshCommander use in selectors.</summary>
    private static Selector KeySelector(WsManObject association, string name)
    {
        var reference = association.GetReference(name)!;
        return new Selector(name, null, new EndpointReference(WsManNamespaces.Anonymous, reference.ResourceUri, reference.Selectors));
    }
}
