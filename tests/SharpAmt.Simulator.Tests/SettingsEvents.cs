using SharpAmt.Simulator.Host;

namespace SharpAmt.Simulator.Tests;

internal static class SettingsEvents
{
    /// <summary>Starts recording the device's settings events; the function returns those seen so far.</summary>
    public static Func<IReadOnlyList<string>> Record(SimulatedDevice device)
    {
        var events = new List<string>();
        device.Changed += (_, change) =>
        {
            if (change.Kind == HostEventKind.Settings)
            {
                lock (events)
                {
                    events.Add(change.Text);
                }
            }
        };
        return () =>
        {
            lock (events)
            {
                return [.. events];
            }
        };
    }
}
