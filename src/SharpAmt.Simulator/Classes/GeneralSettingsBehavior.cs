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
            var instance = template
                .With("DigestRealm", device.Identity.Realm)
                .With("HostName", device.General.HostName)
                .With("DomainName", device.General.DomainName);
            return instance.Has("HostOSFQDN") ? instance.With("HostOSFQDN", device.General.HostOsFqdn) : instance;
        }).ToArray();

    public override WsManObject Put(SimulatedDevice device, WsManObject current, WsManObject requested)
    {
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
                default:
                    device.General.Extra[name] = value;
                    break;
            }
        }

        device.RaiseSettings($"general settings: host {device.General.HostName}, domain {device.General.DomainName}");
        return Apply(device, current);
    }

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
