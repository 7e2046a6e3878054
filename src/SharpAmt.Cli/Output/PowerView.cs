namespace SharpAmt.Cli.Output;

/// <summary>A power status as amt prints it, shared by info and power.</summary>
internal sealed record PowerView(string State, int CimPowerState, bool OsPowerSaving, IReadOnlyList<string> AvailableActions)
{
    public static PowerView From(PowerStatus status) =>
        new(Names.Of(status.State), status.RawState, status.OsPowerSaving, Names.Actions(status));

    public string Describe() => OsPowerSaving ? $"{State} (OS power saving)" : State;
}
