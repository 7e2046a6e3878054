using System.Globalization;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>CIM_SoftwareIdentity: the firmware versions, in the order firmware lists them.</summary>
internal sealed class SoftwareIdentityBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.SoftwareIdentity;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates)
    {
        if (templates.Count == 0)
        {
            return templates;
        }

        var firmware = device.Firmware;
        var version = firmware.Version.ToString();
        var build = firmware.Build.ToString(CultureInfo.InvariantCulture);
        (string Id, string Value)[] entries =
        [
            ("Flash", version), ("Netstack", version), ("AMTApps", version), ("AMT", version),
            ("Sku", firmware.Sku.ToString(CultureInfo.InvariantCulture)), ("VendorID", "8086"), ("Build Number", build),
            ("Recovery Version", version), ("Recovery Build Num", build), ("Legacy Mode", "False"), ("AMT FW Core Version", version),
        ];
        return entries.Select(entry => templates[0].With("InstanceID", entry.Id).With("VersionString", entry.Value)).ToArray();
    }
}

/// <summary>AMT_SetupAndConfigurationService: provisioned, in the device's control mode; GetUuid.</summary>
internal sealed class SetupAndConfigurationServiceBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.SetupAndConfigurationService;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => template
            .With("ProvisioningMode", device.Options.ControlMode == ControlMode.Admin ? 1 : 4)
            .With("ProvisioningState", 2)).ToArray();

    public override WsManObject Invoke(SimulatedDevice device, WsManObject instance, string method, WsManObject input) => method switch
    {
        "GetUuid" => new WsManObject("GetUuid_OUTPUT", instance.Namespace,
        [
            WsManElement.Leaf("UUID", instance.Namespace, Convert.ToBase64String(device.Identity.Uuid.ToByteArray())),
            WsManElement.Leaf("ReturnValue", instance.Namespace, "0"),
        ]),
        "CommitChanges" => Output(method, 0),
        _ => base.Invoke(device, instance, method, input),
    };
}

/// <summary>IPS_HostBasedSetupService: the control mode MeshCentral reads at first contact.</summary>
internal sealed class HostBasedSetupServiceBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.HostBasedSetupService;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => template.With("CurrentControlMode", device.Options.ControlMode == ControlMode.Admin ? 2 : 1)).ToArray();
}

/// <summary>CIM_ComputerSystemPackage: the platform UUID.</summary>
internal sealed class ComputerSystemPackageBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.ComputerSystemPackage;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => template.With("PlatformGUID", device.Identity.PlatformGuid)).ToArray();
}

/// <summary>AMT_TimeSynchronizationService: the ME clock.</summary>
internal sealed class TimeSynchronizationServiceBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.TimeSynchronizationService;

    public override WsManObject Invoke(SimulatedDevice device, WsManObject instance, string method, WsManObject input) => method switch
    {
        "GetLowAccuracyTimeSynch" => new WsManObject("GetLowAccuracyTimeSynch_OUTPUT", instance.Namespace,
        [
            WsManElement.Leaf("Ta0", instance.Namespace, device.Options.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)),
            WsManElement.Leaf("ReturnValue", instance.Namespace, "0"),
        ]),
        "SetHighAccuracyTimeSynch" => Output(method, 0),
        _ => base.Invoke(device, instance, method, input),
    };
}
