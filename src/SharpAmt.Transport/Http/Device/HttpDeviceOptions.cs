namespace SharpAmt.Transport.Http.Device;

public sealed record HttpDeviceOptions
{
    public static HttpDeviceOptions Default { get; } = new();

    /// <summary>How long a connection may wait for the next request to arrive in full (idle time included).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    public HttpLimits Limits { get; init; } = HttpLimits.Default with { MaxBodyBytes = 1024 * 1024 };
}
