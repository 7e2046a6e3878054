using SharpAmt.Transport.Net;
using SharpAmt.Transport.Tls;

namespace SharpAmt.Transport.Http.Client;

public sealed record AmtHttpClientOptions
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    public bool UseTls { get; init; }

    public required AmtCredentials Credentials { get; init; }

    /// <summary>How connections are opened: null connects straight to the device; an SSH relay goes through a jump host.</summary>
    public IConnectionDialer? Dialer { get; init; }

    /// <summary>Longest wait for one TCP connection attempt.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest time one request may take, retries included.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public RetryPolicy Retry { get; init; } = RetryPolicy.Default;

    public TlsClientOptions Tls { get; init; } = new() { Mode = TlsTrustMode.PinOnFirstUse, Store = new InMemoryTrustStore() };

    /// <summary>Where the device's digest realm is remembered; null keeps it for this client only.</summary>
    public IDeviceTrustStore? RealmStore { get; init; }

    public HttpLimits Limits { get; init; } = HttpLimits.Default;

    /// <summary>Headers every request carries, after Host (for example a User-Agent).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> DefaultHeaders { get; init; } = [];
}
