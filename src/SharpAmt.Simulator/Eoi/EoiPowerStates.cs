using SharpAmt.Eoi;
using SharpAmt.WsMan.Amt;

namespace SharpAmt.Simulator.Eoi;

/// <summary>Between the host's CIM power state and EOI's system power state and commands (reference sections 5.4, 5.5).</summary>
internal static class EoiPowerStates
{
    /// <summary>
    /// GetSystemPowerState: on is S0, sleep S3, hibernate S4. Off is S5, not 7 (mechanical off): the ME only
    /// answers while the board has standby power, so a powered-down host that AMT can report on is in S5, and AMT
    /// power-down leaves it there.
    /// </summary>
    public static uint ToSystemPowerState(CimPowerState state) => state switch
    {
        CimPowerState.On => EoiSystemPowerStates.S0,
        CimPowerState.Sleep => EoiSystemPowerStates.S3,
        CimPowerState.Hibernate => EoiSystemPowerStates.S4,
        _ => EoiSystemPowerStates.S5,
    };

    /// <summary>The RequestPowerStateChange value a RemoteControl command asks for; null for one that changes no power.</summary>
    public static CimPowerState? ToCim(EoiRemoteControlCommand command) => command switch
    {
        EoiRemoteControlCommand.Reset => CimPowerState.Reset,
        EoiRemoteControlCommand.PowerUp => CimPowerState.On,
        EoiRemoteControlCommand.PowerDown => CimPowerState.Off,
        EoiRemoteControlCommand.PowerCycle => CimPowerState.Cycle,
        _ => null,
    };

    public static string Describe(EoiRemoteControlCommand command) => command switch
    {
        EoiRemoteControlCommand.Reset => "reset",
        EoiRemoteControlCommand.PowerUp => "power up",
        EoiRemoteControlCommand.PowerDown => "power down",
        EoiRemoteControlCommand.PowerCycle => "power cycle",
        EoiRemoteControlCommand.SetBootOptions => "set boot options",
        _ => ((byte)command).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
