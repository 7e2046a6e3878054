using System.Globalization;
using SharpAmt.WsMan;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>
/// What a stateful class does beyond replaying its recorded instances. Called with the device's lock held.
/// </summary>
internal abstract class ClassBehavior
{
    /// <summary>PT_STATUS INVALID_PARAMETER.</summary>
    private const int BadValue = 36;

    public abstract string ClassName { get; }

    /// <summary>The instances as the device holds them now; <paramref name="templates"/> are the recorded ones.</summary>
    public virtual IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates) => templates;

    /// <summary>Applies a Put and returns the instance as it now stands.</summary>
    public virtual WsManObject Put(SimulatedDevice device, WsManObject current, WsManObject requested) =>
        throw new WsManFaultException(WsManFaults.ActionNotSupported());

    /// <summary>Runs a method and returns its _OUTPUT object.</summary>
    public virtual WsManObject Invoke(SimulatedDevice device, WsManObject instance, string method, WsManObject input) =>
        throw new WsManFaultException(WsManFaults.ActionNotSupported());

    protected WsManObject Output(string method, uint returnValue) => WsManObject.MethodOutput(ClassName, method, returnValue);

    /// <summary>A fault in the form AMT uses for a refused intrinsic operation: InternalError with the PT_STATUS.</summary>
    protected static WsManFaultException Refused(int ptStatus) =>
        new(WsManFaults.InternalError() with { Detail = "AMT-STATUS " + ptStatus.ToString(CultureInfo.InvariantCulture) });

    /// <summary>
    /// A whole-number property of a Put, from <paramref name="min"/> to <paramref name="max"/>; null when the Put leaves
    /// it out. Anything else is refused with INVALID_PARAMETER.
    /// </summary>
    protected static int? BoundedNumber(WsManObject requested, string name, int min, int max)
    {
        if (requested.GetString(name) is not { } text)
        {
            return null;
        }

        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw Refused(BadValue);
    }

    protected static int? ReadInt(WsManObject input, string name) => input.GetInt32(name);
}
