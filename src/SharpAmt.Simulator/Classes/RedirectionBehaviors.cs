using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>AMT_RedirectionService: SOL and IDE-R switched by RequestStateChange, the listener by Put.</summary>
internal sealed class RedirectionServiceBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.RedirectionService;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => template
            .With("EnabledState", device.Redirection.EnabledState)
            .With("ListenerEnabled", device.Redirection.ListenerEnabled)).ToArray();

    public override WsManObject Put(SimulatedDevice device, WsManObject current, WsManObject requested)
    {
        if (requested.GetBoolean("ListenerEnabled") is { } listener)
        {
            device.Redirection.ListenerEnabled = listener;
            device.RaiseSettings($"redirection listener {(listener ? "enabled" : "disabled")}");
        }

        return Instances(device, [current])[0];
    }

    public override WsManObject Invoke(SimulatedDevice device, WsManObject instance, string method, WsManObject input)
    {
        if (method != AmtMethods.RequestStateChange)
        {
            return base.Invoke(device, instance, method, input);
        }

        var requested = ReadInt(input, "RequestedState");
        if (requested is null || !device.Redirection.TryRequestState(requested.Value))
        {
            return Output(method, 5);
        }

        device.RaiseSettings($"SOL {(device.Redirection.SolEnabled ? "on" : "off")}, IDE-R {(device.Redirection.IderEnabled ? "on" : "off")}");
        return Output(method, 0);
    }
}

/// <summary>CIM_KVMRedirectionSAP: RequestStateChange(2) enables KVM, (3) disables it.</summary>
internal sealed class KvmRedirectionSapBehavior : ClassBehavior
{
    public override string ClassName => AmtClassNames.KvmRedirectionSap;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) =>
        templates.Select(template => template
            .With("EnabledState", device.Redirection.KvmEnabledState)
            .With("RequestedState", device.Redirection.KvmRequestedState)).ToArray();

    public override WsManObject Invoke(SimulatedDevice device, WsManObject instance, string method, WsManObject input)
    {
        if (method != AmtMethods.RequestStateChange)
        {
            return base.Invoke(device, instance, method, input);
        }

        switch (ReadInt(input, "RequestedState"))
        {
            case RedirectionStates.KvmEnable:
                device.Redirection.KvmEnabled = true;
                break;
            case RedirectionStates.KvmDisable:
                device.Redirection.KvmEnabled = false;
                break;
            default:
                return Output(method, 5);
        }

        device.RaiseSettings($"KVM {(device.Redirection.KvmEnabled ? "enabled" : "disabled")}");
        return Output(method, 0);
    }
}
