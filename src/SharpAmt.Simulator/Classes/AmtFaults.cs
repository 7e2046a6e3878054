using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>Faults worded as AMT words them where it differs from the specification's text.</summary>
internal static class AmtFaults
{
    /// <summary>Firmware's reason text has "WSAddressing" without the hyphen.</summary>
    public static WsManFault DestinationUnreachable { get; } = WsManFaults.DestinationUnreachable() with
    {
        Reason = "No route can be determined to reach the destination role defined by the WSAddressing To.",
    };
}
