using SharpAmt.Simulator.Host;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>AMT_BootSettingData: the pending boot options; a Put sets the writable fields and ignores the rest.</summary>
internal sealed class BootSettingDataBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.BootSettingData;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => Current(device.Host.Boot, template)).ToArray();

    public override WsManObject Put(SimulatedDevice device, WsManObject current, WsManObject requested)
    {
        var fields = requested.Properties
            .Where(property => property.IsLeaf && current.Has(property.Name))
            .Select(property => new KeyValuePair<string, string>(property.Name, property.Text ?? ""));
        device.Host.Boot.Set(fields);
        device.RaiseSettings("boot options set for the next boot");
        return Current(device.Host.Boot, current);
    }

    private static WsManObject Current(PendingBootOptions boot, WsManObject template)
    {
        var instance = template;
        foreach (var field in WsMan.Amt.BootConfiguration.WritableFields.Keys)
        {
            if (instance.Has(field))
            {
                // Write-only secrets read back empty.
                instance = instance.With(field, field == "RSEPassword" ? "" : boot.Value(field));
            }
        }

        return instance.Has("OptionsCleared") ? instance.With("OptionsCleared", boot.OptionsCleared) : instance;
    }
}

/// <summary>AMT_BootCapabilities: diagnostic boot existed until AMT 7 removed it.</summary>
internal sealed class BootCapabilitiesBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.BootCapabilities;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => template.Has("ForceDiagnosticBoot")
            ? template.With("ForceDiagnosticBoot", BootSourceSettingBehavior.HasDiagnosticBoot(device))
            : template).ToArray();
}

/// <summary>CIM_BootSourceSetting: the sources ChangeBootOrder accepts.</summary>
internal sealed class BootSourceSettingBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.BootSourceSetting;

    /// <summary>
    /// Diagnostic boot is an ASF special command of the EOI era; firmware that still serves EOI (AMT 8 and
    /// earlier) offers it over both APIs, so the two never disagree about what the board can do.
    /// </summary>
    public static bool HasDiagnosticBoot(SimulatedDevice device) => device.Firmware.ServesEoi;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates)
    {
        if (!HasDiagnosticBoot(device) || templates.Count == 0 || templates.Any(template => template.GetString("InstanceID") == BootSourceIds.Diagnostic))
        {
            return templates;
        }

        var diagnostic = templates[0].With("InstanceID", BootSourceIds.Diagnostic).With("StructuredBootString", "CIM:Diagnostic:1");
        return [.. templates, diagnostic];
    }
}

/// <summary>CIM_BootConfigSetting.ChangeBootOrder(Source): an empty source clears the pending one.</summary>
internal sealed class BootConfigSettingBehavior : ClassBehavior
{
    private const uint InvalidReference = 4;

    public override string ClassName => AmtClassNames.BootConfigSetting;

    public override WsManObject Invoke(SimulatedDevice device, WsManObject instance, string method, WsManObject input)
    {
        if (method != AmtMethods.ChangeBootOrder)
        {
            return base.Invoke(device, instance, method, input);
        }

        var source = input.GetReference("Source");
        var instanceId = source?.Selectors.Value("InstanceID");
        if (instanceId is null)
        {
            device.Host.Boot.SetSource(null);
            return Output(method, 0);
        }

        var known = device.KnownBootSources();
        if (!known.Contains(instanceId))
        {
            return Output(method, InvalidReference);
        }

        device.Host.Boot.SetSource(instanceId);
        device.RaiseSettings($"next boot source: {instanceId}");
        return Output(method, 0);
    }
}

/// <summary>CIM_BootService: SetBootConfigRole makes the configuration the one for the next boot.</summary>
internal sealed class BootServiceBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.BootService;

    public override WsManObject Invoke(SimulatedDevice device, WsManObject instance, string method, WsManObject input)
    {
        if (method != AmtMethods.SetBootConfigRole)
        {
            return base.Invoke(device, instance, method, input);
        }

        switch (ReadInt(input, "Role"))
        {
            case WsMan.Amt.BootConfiguration.RoleIsNextSingleUse:
                device.Host.Boot.SetRole(isNextBoot: true);
                return Output(method, 0);
            case WsMan.Amt.BootConfiguration.RoleIsNotNext:
                device.Host.Boot.SetRole(isNextBoot: false);
                return Output(method, 0);
            default:
                return Output(method, 5);
        }
    }
}
