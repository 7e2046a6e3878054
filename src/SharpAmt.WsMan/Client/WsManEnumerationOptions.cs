using SharpAmt.WsMan.Wire;

namespace SharpAmt.WsMan.Client;

public sealed record WsManEnumerationOptions
{
    public static WsManEnumerationOptions Default { get; } = new();

    public EnumerationMode Mode { get; init; } = EnumerationMode.Objects;

    /// <summary>Items asked for per Pull; null lets the device decide (it returns everything that fits).</summary>
    public int? MaxElements { get; init; }

    /// <summary>Ask for the first items in the Enumerate reply itself.</summary>
    public bool Optimize { get; init; }

    /// <summary>Stop after this many Pulls: a device that never ends its sequence cannot keep the client forever.</summary>
    public int MaxPulls { get; init; } = 10_000;
}
