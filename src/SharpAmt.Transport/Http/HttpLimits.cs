namespace SharpAmt.Transport.Http;

/// <summary>Bounds applied before anything is buffered, so a hostile or broken peer cannot exhaust memory.</summary>
public sealed record HttpLimits
{
    public static HttpLimits Default { get; } = new();

    public int MaxHeadBytes { get; init; } = 16 * 1024;

    public int MaxHeaderCount { get; init; } = 64;

    public int MaxBodyBytes { get; init; } = 4 * 1024 * 1024;
}
