namespace SharpAmt.Redirection.Ider.Client.Media;

/// <summary>
/// How far the background reader of an image file runs ahead of the host. The buffer is bounded: at most
/// <see cref="BlockCount"/> blocks of <see cref="BlockSize"/> bytes are read before the host consumes them.
/// </summary>
public sealed record IderReadAheadOptions
{
    public static readonly IderReadAheadOptions Default = new();

    /// <summary>Bytes read from the disk at once (1 MiB by default).</summary>
    public int BlockSize { get; init; } = 1 << 20;

    /// <summary>Blocks kept ahead of the host (8 by default: 8 MiB, about 16 ms of data at 500 MB/s).</summary>
    public int BlockCount { get; init; } = 8;
}
