using System.Globalization;
using SharpAmt.Simulator.Host.Screen;
using SharpAmt.WsMan.Amt;
using SharpAmt.WsMan.Wire;

namespace SharpAmt.Simulator.Classes;

/// <summary>
/// IPS_ScreenSettingData (reference section 4.5): the displays of the simulated machine, in the recorded reply's
/// shape: four entries in each array, connected displays with their resolution and place on the extended desktop,
/// absent ones inactive at 0 × 0 and (−1, −1). The role indexes (PrimaryIndex 1 … QuadraryIndex 4) stay as recorded:
/// the recording keeps them for displays that are not there, so they do not follow the count.
/// </summary>
internal sealed class ScreenSettingDataBehavior : ClassBehavior
{
    /// <summary>PrimaryIndex to QuadraryIndex: every array has one entry per role.</summary>
    private const int Entries = 4;

    public override string ClassName => AmtClassNames.ScreenSettingData;

    public override IReadOnlyList<WsManObject> Instances(SimulatedDevice device, IReadOnlyList<WsManObject> templates)
    {
        var displays = device.Screen.Geometry;
        return templates.Select(template => template
            .With("IsActive", Values(displays, _ => "true", "false"))
            .With("ResolutionX", Values(displays, display => Number(display.Width), "0"))
            .With("ResolutionY", Values(displays, display => Number(display.Height), "0"))
            .With("UpperLeftX", Values(displays, display => Number(display.X), "-1"))
            .With("UpperLeftY", Values(displays, display => Number(display.Y), "-1"))).ToArray();
    }

    /// <summary>One entry per role: the connected display's value, else the absent one.</summary>
    private static IEnumerable<string> Values(IReadOnlyList<DisplayGeometry> displays, Func<DisplayGeometry, string> connected, string absent) =>
        Enumerable.Range(0, Entries).Select(index => index < displays.Count ? connected(displays[index]) : absent);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
