using SharpAmt.WsMan.Wire;

namespace SharpAmt.WsMan.Amt;

/// <summary>The instances RequestPowerStateChange addresses (reference sections 3.6 and 3.7).</summary>
public static class PowerManagement
{
    public static SelectorSet ServiceSelectors { get; } = SelectorSet.Of(
        ("CreationClassName", AmtClassNames.PowerManagementService),
        ("Name", "Intel(r) AMT Power Management Service"),
        ("SystemCreationClassName", AmtClassNames.ComputerSystem),
        ("SystemName", "Intel(r) AMT"));

    /// <summary>The managed host, the ManagedElement of RequestPowerStateChange.</summary>
    public static EndpointReference ManagedSystem { get; } =
        EndpointReference.For(AmtClassNames.ComputerSystem, ("CreationClassName", AmtClassNames.ComputerSystem), ("Name", "ManagedSystem"));
}
