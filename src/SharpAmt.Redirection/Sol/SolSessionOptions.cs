using SharpAmt.Redirection.Wire.Messages;

namespace SharpAmt.Redirection.Sol;

/// <summary>Client settings for a SOL session.</summary>
public sealed record SolSessionOptions
{
    public static SolSessionOptions Default { get; } = new();

    /// <summary>The timers asked for in 0x20; amtterm's values unless changed.</summary>
    public StartSolRedirection Start { get; init; } = StartSolRedirection.Amtterm;

    /// <summary>How often the client sends 0x2B (MeshCommander: every 2 s); zero sends none.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the device may stay silent before the connection counts as lost (checked with each heartbeat,
    /// so only when <see cref="HeartbeatInterval"/> is above zero). Devices send 0x2B about every 5 s; 20 s is
    /// what amtterm allows. Zero waits forever.
    /// </summary>
    public TimeSpan SilenceTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long an orderly close waits for the device's 0x23.</summary>
    public TimeSpan CloseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Largest SOL data message the client sends; longer writes are split.</summary>
    public int MaxWriteChunk { get; init; } = 1024;

    /// <summary>Received data messages held before reading from the device pauses.</summary>
    public int ReceiveQueueLength { get; init; } = 1024;
}
