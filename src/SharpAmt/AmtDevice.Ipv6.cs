using System.Globalization;
using System.Net;
using SharpAmt.Network;
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

    /// <summary>The wired interface's IPS_IPv6PortSettings (manual addresses); null where the device has none.</summary>
    private async Task<WsManObject?> GetWiredIpv6SettingsAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await WsMan.GetAsync(AmtClassNames.Ipv6PortSettings, Ipv6SettingsSelector, cancellationToken).ConfigureAwait(false);
        }
        catch (WsManFaultException fault) when (fault.MeansNotPresent)
        {
            return null;
        }
    }

    private static SelectorSet Ipv6SettingsSelector { get; } = SelectorSet.Of(("InstanceID", WiredIpv6Settings));

    /// <summary>An address property of IPS_IPv6PortSettings; "::" when it is empty or unreadable, as firmware means none.</summary>
    private static IPAddress Ipv6Property(WsManObject settings, string name) =>
        settings.GetString(name) is { } text && Ipv6.ParseStrict(text.Trim()) is { } address ? address : Ipv6.None;

    /// <summary>Puts the manual addresses given (the others as the device has them); returns the settings as they were, for a rollback.</summary>
    private async Task<WsManObject> PutIpv6AddressesAsync(NetworkChange change, CancellationToken cancellationToken)
    {
        var original = await GetWiredIpv6SettingsAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new AmtFeatureUnavailableException($"{Endpoint}: the device no longer reports the IPv6 settings of its wired interface");
        var settings = original;
        settings = Set(settings, "IPv6Address", change.Ipv6Address?.ToString());
        settings = Set(settings, "DefaultRouter", change.Ipv6Router?.ToString());
        settings = Set(settings, "PrimaryDNS", change.Ipv6PrimaryDns?.ToString());
        settings = Set(settings, "SecondaryDNS", change.Ipv6SecondaryDns?.ToString());
        await WsMan.PutAsync(settings, Ipv6SettingsSelector, cancellationToken).ConfigureAwait(false);
        return original;
    }

    /// <summary>An EPR-valued selector, with the anonymous address firmware and MeshCommander use in selectors.</summary>
    private static Selector KeySelector(WsManObject association, string name)
    {
        var reference = association.GetReference(name)!;
        return new Selector(name, null, new EndpointReference(WsManNamespaces.Anonymous, reference.ResourceUri, reference.Selectors));
    }
}
