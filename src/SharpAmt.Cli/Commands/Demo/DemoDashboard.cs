using SharpAmt.Cli.Output;
using SharpAmt.Simulator;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SharpAmt.Cli.Commands.Demo;

/// <summary>The live view: commands to try, the device table, and the latest events.</summary>
internal static class DemoDashboard
{
    public const int RecentEvents = 8;

    public static IRenderable Render(IReadOnlyList<string> tryCommands, IReadOnlyList<SimulatedDevice> devices, IReadOnlyList<string> recentEvents)
    {
        var tips = new Rows(tryCommands.Select(command => (IRenderable)new Text("  " + command)));
        var table = Tables.Columns("Address", "AMT", "TLS only", "Power", "Last boot", "SOL / IDE-R / KVM", "Consent", "Requests", "Last request");
        foreach (var snapshot in devices.Select(DeviceSnapshot.Of))
        {
            table.Row(snapshot.Address, snapshot.Firmware, snapshot.TlsOnly ? "yes" : "no", snapshot.Power, snapshot.LastBoot,
                snapshot.Features, snapshot.Consent, snapshot.Requests.ToString(System.Globalization.CultureInfo.InvariantCulture), snapshot.LastRequest);
        }

        var events = recentEvents.Count == 0
            ? (IRenderable)new Text("(none yet)", new Style(decoration: Decoration.Dim))
            : new Rows(recentEvents.Select(line => (IRenderable)new Text(line)));
        return new Rows(
            new Text("Try these from another terminal:", new Style(decoration: Decoration.Bold)),
            tips,
            Text.Empty,
            table,
            new Text("Recent events (Ctrl-C stops the demo):", new Style(decoration: Decoration.Bold)),
            events);
    }
}
