using SharpAmt.Transport;
using SharpAmt.Transport.Net;
using SharpAmt.Transport.Tls;

namespace SharpAmt.Redirection.Session;

/// <summary>How the client authenticates on a redirection connection.</summary>
public enum RedirectionAuthentication
{
    /// <summary>Ask the device (type 0), then digest with qop (4), else digest (3), else plain (1): what MeshCommander and amtterm 1.7+ do.</summary>
    Auto,

    /// <summary>Plain user and password (type 1) right away, as Debian's amtterm 1.4 does. Never over a plain TCP connection unless asked.</summary>
    Plain,

    /// <summary>Only digest (type 4, or 3 when that is all the device offers).</summary>
    Digest,
}

/// <summary>How to reach a device's redirection port (16994, or 16995 with TLS).</summary>
public sealed record RedirectionClientOptions
{
    public const int Port = 16994;
    public const int TlsPort = 16995;

    public required string Host { get; init; }

    /// <summary>Null means 16994, or 16995 with TLS.</summary>
    public int? PortOverride { get; init; }

    public bool UseTls { get; init; }

    public required AmtCredentials Credentials { get; init; }

    public RedirectionAuthentication Authentication { get; init; } = RedirectionAuthentication.Auto;

    /// <summary>How the connection is opened: null connects straight to the device; an SSH relay carries it with <c>--via</c>.</summary>
    public IConnectionDialer? Dialer { get; init; }

    /// <summary>Trust for TLS; required with <see cref="UseTls"/> unless <see cref="TlsTrustMode.Insecure"/> is meant.</summary>
    public TlsClientOptions? Tls { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for each reply of the opening handshake.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public int EffectivePort => PortOverride ?? (UseTls ? TlsPort : Port);

    public string Endpoint => Endpoints.Format(Host, EffectivePort);

    public override string ToString() => $"{Endpoint} as {Credentials.User}{(UseTls ? " over TLS" : "")}";
}
