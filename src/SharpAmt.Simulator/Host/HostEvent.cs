namespace SharpAmt.Simulator.Host;

/// <summary>Something that happened on a simulated device, for live views and logs.</summary>
public sealed record HostEvent(DateTimeOffset At, HostEventKind Kind, string Text);

public enum HostEventKind
{
    Power,
    Boot,
    Settings,
    Consent,
    Security,
    Request,
}
