namespace SharpAmt.Redirection.Sol;

/// <summary>
/// How <see cref="ReconnectingSolSession"/> gets a console back after the device dropped the connection (an ME
/// reset or firmware update drops every redirection connection and refuses new ones for a while).
/// </summary>
public sealed record SolReconnectPolicy
{
    public static SolReconnectPolicy Default { get; } = new();

    /// <summary>How long after the loss attempts go on before the session gives up.</summary>
    public TimeSpan GiveUpAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The pause before the first attempt; each failed attempt doubles it up to <see cref="MaxDelay"/>.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>A bound on attempts per loss, whatever the delays.</summary>
    public int MaxAttempts { get; init; } = 1000;

    /// <summary>
    /// A bound on losses survived by one read or write: a device that accepts and drops again at once must not
    /// keep a caller looping.
    /// </summary>
    public int MaxLossesPerCall { get; init; } = 100;
}
