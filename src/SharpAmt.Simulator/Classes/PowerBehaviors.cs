using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>CIM_AssociatedPowerManagementService (also what CIM_ServiceAvailableToElement yields): the power state.</summary>
internal sealed class AssociatedPowerManagementServiceBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.AssociatedPowerManagementService;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => Current(device, template)).ToArray();

    internal static WsManObject Current(SimulatedDevice device, WsManObject template)
    {
        var available = device.Host.AvailableRequestedPowerStates().Select(state => state.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var instance = template
            .With("AvailableRequestedPowerStates", available)
            .With("PowerState", (int)device.Host.PowerState);
        return instance;
    }
}

/// <summary>CIM_PowerManagementService.RequestPowerStateChange(PowerState, ManagedElement).</summary>
internal sealed class PowerManagementServiceBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.PowerManagementService;

    public override WsManObject Invoke(SimulatedDevice device, WsManObject instance, string method, WsManObject input)
    {
        if (method != AmtMethods.RequestPowerStateChange)
        {
            return base.Invoke(device, instance, method, input);
        }

        // The ManagedElement reference is not checked: clients send it whole, partial, or with odd addresses.
        var requested = ReadInt(input, "PowerState");
        var result = requested is null ? 5u : device.Host.RequestPowerChange(requested.Value);
        return Output(method, result);
    }
}

/// <summary>IPS_PowerManagementService (AMT 10+): the OS power-saving state and RequestOSPowerSavingStateChange.</summary>
internal sealed class OsPowerManagementServiceBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.OsPowerManagementService;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => device.Host.PowerState == CimPowerState.On
            ? template.With("OSPowerSavingState", device.Host.OsPowerSavingState)
            // Firmware leaves the property out while the host is off.
            : template.Without("OSPowerSavingState")).ToArray();

    public override WsManObject Invoke(SimulatedDevice device, WsManObject instance, string method, WsManObject input)
    {
        if (method != AmtMethods.RequestOsPowerSavingStateChange)
        {
            return base.Invoke(device, instance, method, input);
        }

        var requested = ReadInt(input, "OSPowerSavingState");
        return Output(method, requested is null ? 5u : device.Host.RequestOsPowerSaving(requested.Value));
    }
}
