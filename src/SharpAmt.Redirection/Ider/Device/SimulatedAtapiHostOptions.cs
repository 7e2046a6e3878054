namespace SharpAmt.Redirection.Ider.Device;

public sealed record SimulatedAtapiHostOptions
{
    public static readonly SimulatedAtapiHostOptions Default = new();

    /// <summary>Bytes per READ(10) of the whole-image pass (1 MiB, as an installer reads); a whole number of sectors.</summary>
    public int ReadSize { get; init; } = 1 << 20;

    /// <summary>TEST UNIT READY attempts before the drive counts as never ready (unit attentions are retried).</summary>
    public int ReadyAttempts { get; init; } = 8;

    /// <summary>Whether the whole-image pass computes its SHA-256 (off only to measure the transfer alone).</summary>
    public bool ComputeHash { get; init; } = true;

    /// <summary>Volume descriptors read at most before the set must have ended.</summary>
    public int MaxVolumeDescriptors { get; init; } = 32;
}
