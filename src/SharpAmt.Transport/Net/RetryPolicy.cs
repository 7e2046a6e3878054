namespace SharpAmt.Transport.Net;

/// <summary>
/// Backoff between attempts on a transient failure. A sleeping ME ignores the first connection attempts
/// and answers only after being nudged, so trying again is the normal case, bounded by the caller's deadline.
/// </summary>
public sealed record RetryPolicy
{
    public static RetryPolicy Default { get; } = new();

    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    public int MaxAttempts { get; init; } = 10;

    /// <summary>
    /// Attempts when the host actively refuses: it answered that nothing listens on the port, which a few quick
    /// tries confirm. (A sleeping ME leaves attempts unanswered or resets them; those get <see cref="MaxAttempts"/>.)
    /// </summary>
    public int MaxAttemptsWhenRefused { get; init; } = 3;

    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>The pause before attempt <paramref name="attempt"/> (2 is the first retry).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        var factor = Math.Pow(2, Math.Max(0, attempt - 2));
        var delay = TimeSpan.FromTicks((long)Math.Min(InitialDelay.Ticks * factor, MaxDelay.Ticks));
        // Jitter keeps a fleet of clients from retrying in lock step.
        return delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)Math.Max(1, delay.TotalMilliseconds / 5)));
    }
}
