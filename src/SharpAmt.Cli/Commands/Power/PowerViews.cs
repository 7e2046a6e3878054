using SharpAmt.Cli.Output;

namespace SharpAmt.Cli.Commands.Power;

internal sealed record PowerStatusView(string Endpoint, PowerView Power);

/// <summary>What was asked for, whether a request went out, and the state before and after.</summary>
internal sealed record PowerActionView(
    string Endpoint,
    string Action,
    string? Boot,
    bool Sol,
    bool Requested,
    string Summary,
    PowerView Before,
    PowerView? After)
{
    public static PowerActionView From(string endpoint, PowerActionResult result, BootTarget? boot, bool sol) => new(
        endpoint,
        PowerNames.Of(result.Action),
        boot is { } target ? BootNames.Of(target) : null,
        sol,
        result.Requested,
        result.Summary,
        PowerView.From(result.Before),
        result.After is null ? null : PowerView.From(result.After));
}
