using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>AMT_GeneralSettings: host and domain name and the digest realm (which must equal the challenge's).</summary>
internal sealed class GeneralSettingsBehavior : ClassBehavior
{
    private static readonly string[] Writable = ["HostName", "DomainName", "PingResponseEnabled", "RmcpPingResponseEnabled", "SharedFQDN", "DDNSUpdateEnabled", "DDNSTTL", "DDNSPeriodicUpdateInterval", "DDNSUpdateByDHCPServerEnabled", "HostOSFQDN", "IdleWakeTimeout"];

    public override string ClassName => AmtClassNames.GeneralSettings;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template =>
        {
            var general = device.General;
            var instance = template
                .With("DigestRealm", device.Identity.Realm)
                .With("HostName", general.HostName)
                .With("DomainName", general.DomainName)
                .With("PingResponseEnabled", Text(general.PingResponseEnabled))
                .With("RmcpPingResponseEnabled", Text(general.RmcpPingResponseEnabled))
                .With("SharedFQDN", Text(general.SharedFqdn))
                .With("DDNSUpdateEnabled", Text(general.DynamicDnsUpdateEnabled));
            return instance.Has("HostOSFQDN") ? instance.With("HostOSFQDN", device.General.HostOsFqdn) : instance;
        }).ToArray();

    private static readonly string[] BooleanFields = ["PingResponseEnabled", "RmcpPingResponseEnabled", "SharedFQDN", "DDNSUpdateEnabled"];

    public override WsManObject Put(SimulatedDevice device, WsManObject current, WsManObject requested)
    {
        foreach (var name in BooleanFields)
        {
            if (requested.GetString(name) is { } text)
            {
                _ = ParseBoolean(text);
            }
        }

        foreach (var name in Writable)
        {
            if (requested.GetString(name) is not { } value)
            {
                continue;
            }

            switch (name)
            {
                case "HostName":
                    device.General.HostName = value;
                    break;
                case "DomainName":
                    device.General.DomainName = value;
                    break;
                case "HostOSFQDN":
                    device.General.HostOsFqdn = value;
                    break;
                case "PingResponseEnabled":
                    device.General.PingResponseEnabled = ParseBoolean(value);
                    break;
                case "RmcpPingResponseEnabled":
                    device.General.RmcpPingResponseEnabled = ParseBoolean(value);
                    break;
                case "SharedFQDN":
                    device.General.SharedFqdn = ParseBoolean(value);
                    break;
                case "DDNSUpdateEnabled":
                    device.General.DynamicDnsUpdateEnabled = ParseBoolean(value);
                    break;
                default:
                    device.General.Extra[name] = value;
                    break;
            }
        }

        device.RaiseSettings($"general settings: host {device.General.HostName}, domain {device.General.DomainName}");
        return Apply(device, current);
    }

    private static string Text(bool value) => value ? "true" : "false";

    /// <summary>A value xs:boolean does not allow is refused (PT_STATUS_INVALID_PARAMETER), checked before anything changes.</summary>
    private static bool ParseBoolean(string value) => value switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw Refused(ptStatus: InvalidParameter),
    };

    private const int InvalidParameter = 0x24;

    private WsManObject Apply(SimulatedDevice device, WsManObject current)
    {
        var updated = Instances(device, [current])[0];
        foreach (var (name, value) in device.General.Extra)
        {
            if (updated.Has(name))
            {
                updated = updated.With(name, value);
            }
        }

        return updated;
    }
}
