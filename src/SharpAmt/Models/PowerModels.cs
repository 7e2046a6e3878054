using SharpAmt.WsMan.Amt;

namespace SharpAmt;

/// <summary>The host power states AMT reports (CIM PowerState).</summary>
public enum AmtPowerState
{
    Unknown = 0,
    On = CimPowerState.On,
    Sleep = CimPowerState.Sleep,
    Hibernate = CimPowerState.Hibernate,
    Off = CimPowerState.Off,
}

/// <summary>Power actions, valued as the CIM PowerState requested (reference section 4.1).</summary>
public enum PowerAction
{
    On = CimPowerState.On,
    Sleep = CimPowerState.Sleep,
    Cycle = CimPowerState.Cycle,
    Hibernate = CimPowerState.Hibernate,
    Off = CimPowerState.Off,
    Reset = CimPowerState.Reset,
    Nmi = CimPowerState.DiagnosticInterrupt,
    SoftOff = CimPowerState.SoftOff,
    SoftReset = CimPowerState.SoftReset,
}

public sealed record PowerStatus(AmtPowerState State, int RawState, IReadOnlyList<int> AvailableRequestedPowerStates, int? OsPowerSavingState)
{
    public bool Allows(PowerAction action) => AvailableRequestedPowerStates.Contains((int)action);

    /// <summary>True when the OS reports Modern Standby power saving while the host counts as on.</summary>
    public bool OsPowerSaving => OsPowerSavingState == 3;
}

/// <summary>What a power action did: the state before, whether a request was sent, and the state read after.</summary>
public sealed record PowerActionResult(PowerAction Action, PowerStatus Before, bool Requested, PowerStatus? After, string Summary);

public static class PowerNames
{
    public static string Of(AmtPowerState state) => state switch
    {
        AmtPowerState.On => "on",
        AmtPowerState.Sleep => "sleep (S3)",
        AmtPowerState.Hibernate => "hibernate (S4)",
        AmtPowerState.Off => "off (S5)",
        _ => "unknown",
    };

    public static string Of(PowerAction action) => action switch
    {
        PowerAction.On => "on",
        PowerAction.Sleep => "sleep",
        PowerAction.Cycle => "cycle",
        PowerAction.Hibernate => "hibernate",
        PowerAction.Off => "off",
        PowerAction.Reset => "reset",
        PowerAction.Nmi => "nmi",
        PowerAction.SoftOff => "soft-off",
        PowerAction.SoftReset => "soft-reset",
        _ => ((int)action).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The action names offered by a list of requestable CIM states.</summary>
    public static string Actions(IEnumerable<int> states) =>
        string.Join(", ", states.Where(state => Enum.IsDefined((PowerAction)state)).Select(state => Of((PowerAction)state)));
}
